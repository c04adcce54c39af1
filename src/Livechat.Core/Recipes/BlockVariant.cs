namespace Livechat.Core.Recipes;

/// <summary>
/// A block's texts in one language (<see cref="RecipeBlock.Variants"/>, keyed by a BCP 47 tag). Each field is
/// optional: one left out is said in the block's own (default) text. <see cref="Buttons"/> are the labels of the
/// block's buttons, in the same order and as many.
/// </summary>
public sealed record BlockVariant
{
    public string? Text { get; init; }
    public string? InvalidText { get; init; }
    public IReadOnlyList<string>? Buttons { get; init; }
}
