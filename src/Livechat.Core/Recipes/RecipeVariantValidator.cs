using Livechat.Core.Languages;

namespace Livechat.Core.Recipes;

/// <summary>
/// Checks a block's language variants (<see cref="RecipeBlock.Variants"/>): keys of BCP 47 shape, one per language,
/// no empty variant, only the texts the block's type says, and as many button labels as the block has buttons, so
/// a visitor in any language sees the same choices. Errors name <c>blocks.ID.variants.TAG[.field]</c>.
/// </summary>
public static class RecipeVariantValidator
{
    public const int MaxVariants = 30;

    public static void Validate(RecipeBlock block, string at, Action<string, string> error)
    {
        if (block.Variants is not { Count: > 0 } variants) return;
        if (variants.Count > MaxVariants) { error($"{at}.variants", $"At most {MaxVariants} languages."); return; }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (tag, variant) in variants)
        {
            var path = $"{at}.variants.{tag}";
            if (!LanguageTags.IsValid(tag)) { error(path, LanguageTags.Shape); continue; }
            if (!seen.Add(LanguageTags.Normalize(tag))) { error(path, "Another variant has this language."); continue; }
            if (variant is null || (variant.Text is null && variant.InvalidText is null && variant.Buttons is null))
            {
                error(path, "Empty: give at least one text, or remove the language.");
                continue;
            }
            Text(variant.Text, $"{path}.text", HasText(block.Type));
            Text(variant.InvalidText, $"{path}.invalidText", block.Type == BlockTypes.Ask);
            if (variant.Buttons is { } labels)
            {
                var count = block.Buttons?.Count ?? 0;
                if (block.Type != BlockTypes.Buttons) error($"{path}.buttons", "Only a buttons block has button labels.");
                else if (labels.Count != count) error($"{path}.buttons", $"{count} label(s), one per button in the block's order; this variant has {labels.Count}.");
                else if (labels.Any(l => string.IsNullOrWhiteSpace(l) || l.Length > 100)) error($"{path}.buttons", "Each label 1 to 100 characters.");
            }
        }

        void Text(string? value, string field, bool allowed)
        {
            if (value is null) return;
            if (!allowed) error(field, $"A {block.Type} block has no such text.");
            else if (string.IsNullOrWhiteSpace(value)) error(field, "Empty: remove it to say the default text.");
            else if (value.Length > RecipeValidator.MaxTextLength) error(field, $"At most {RecipeValidator.MaxTextLength} characters.");
        }
    }

    private static bool HasText(string type) => type is BlockTypes.Message or BlockTypes.Buttons or BlockTypes.Ask or BlockTypes.Transfer or BlockTypes.End;
}
