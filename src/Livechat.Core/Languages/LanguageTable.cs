namespace Livechat.Core.Languages;

/// <summary>Texts per language, looked up by a visitor's tag's primary subtag ("de-AT" finds "de"), else the fallback.</summary>
public sealed class LanguageTable<T>(T fallback, IReadOnlyDictionary<string, T> byLanguage)
{
    private readonly Dictionary<string, T> _byLanguage = new(byLanguage, StringComparer.OrdinalIgnoreCase);

    public T For(string? language) =>
        !string.IsNullOrEmpty(language) && _byLanguage.TryGetValue(LanguageTags.Primary(language), out var texts) ? texts : fallback;
}
