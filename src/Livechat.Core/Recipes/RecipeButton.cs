namespace Livechat.Core.Recipes;

/// <summary>A button of a buttons block; choosing it continues the flow at <paramref name="Next"/>.</summary>
public sealed record RecipeButton(string Id, string Label, string? Next = null);
