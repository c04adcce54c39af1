namespace Livechat.Core.Recipes;

/// <summary>
/// One step of a recipe. <see cref="Type"/> says which fields apply: <c>message</c> (Text, Next),
/// <c>buttons</c> (Text, Buttons), <c>end</c> (optional Text).
/// </summary>
public sealed record RecipeBlock
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<RecipeButton>? Buttons { get; init; }
    public string? Next { get; init; }
}
