namespace Livechat.Core.Sessions;

/// <summary>setRecipe: the recipe the next room runs.</summary>
public sealed record RecipeRequest(string? RecipeId);
