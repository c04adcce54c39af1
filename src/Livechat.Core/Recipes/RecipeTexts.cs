using Livechat.Core.Languages;
using Livechat.Core.Rooms;

namespace Livechat.Core.Recipes;

/// <summary>
/// A block's texts in the visitor's language, field by field: the variant of the exact tag ("de-CH"), else of its
/// primary subtag ("de"), else the block's default text. Pure, so the interpreter uses it during replay too.
/// </summary>
public static class RecipeTexts
{
    public static string? Text(RecipeBlock block, string? language) => Pick(block, language, v => v.Text) ?? block.Text;

    public static string? InvalidText(RecipeBlock block, string? language) => Pick(block, language, v => v.InvalidText) ?? block.InvalidText;

    /// <summary>The block's buttons with their labels in the visitor's language; ids and links stay the block's.</summary>
    public static IReadOnlyList<ChatButton> Buttons(RecipeBlock block, string? language)
    {
        var buttons = block.Buttons ?? [];
        var labels = Pick(block, language, v => v.Buttons is { } list && list.Count == buttons.Count ? list : null);
        return buttons.Select((b, i) => new ChatButton(b.Id, labels?[i] ?? b.Label)).ToList();
    }

    /// <summary>The variant the visitor's language selects for one field, or null when the default applies.</summary>
    public static T? Pick<T>(RecipeBlock block, string? language, Func<BlockVariant, T?> field) where T : class
    {
        if (block.Variants is not { Count: > 0 } variants || string.IsNullOrEmpty(language)) return null;
        var exact = variants.FirstOrDefault(kv => string.Equals(kv.Key, language, StringComparison.OrdinalIgnoreCase)).Value;
        if (exact is not null && field(exact) is { } found) return found;
        var primary = LanguageTags.Primary(language);
        var general = variants.FirstOrDefault(kv => string.Equals(kv.Key, primary, StringComparison.OrdinalIgnoreCase)).Value;
        return general is null ? null : field(general);
    }
}
