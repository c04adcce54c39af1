using System.Text.RegularExpressions;

namespace Livechat.Core.Languages;

/// <summary>
/// The shape of a BCP 47 language tag as a visitor's language and a recipe variant's key use it: a language of 2 or
/// 3 letters, then an optional script (4 letters), region (2 letters or 3 digits) and variants. Private-use and
/// grandfathered tags are refused: no widget speaks them, and a narrow shape keeps keys comparable.
/// </summary>
public static partial class LanguageTags
{
    public const int MaxLength = 35;

    public const string Shape = "A BCP 47 language tag such as 'de', 'de-CH' or 'zh-Hant-TW'.";

    public static bool IsValid(string? tag) => tag is { Length: > 0 and <= MaxLength } && Tag().IsMatch(tag);

    /// <summary>The tag in its usual case (language lower, script title, region upper), so "DE-ch" and "de-CH" are one key.</summary>
    public static string Normalize(string tag)
    {
        var parts = tag.Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            parts[i] = i == 0 ? part.ToLowerInvariant()
                : part.Length == 4 && char.IsLetter(part[0]) && i == 1 ? char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()
                : part.Length == 2 ? part.ToUpperInvariant()
                : part.ToLowerInvariant();
        }
        return string.Join('-', parts);
    }

    /// <summary>The primary language subtag, lower case: "de" for "de-CH".</summary>
    public static string Primary(string tag)
    {
        var dash = tag.IndexOf('-');
        return (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
