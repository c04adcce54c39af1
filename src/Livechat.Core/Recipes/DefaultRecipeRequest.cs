namespace Livechat.Core.Recipes;

/// <summary>The recipe rooms run when the page did not call setRecipe.</summary>
public sealed record DefaultRecipeRequest(string? RecipeId);
