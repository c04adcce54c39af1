namespace Livechat.Core.Recipes;

/// <summary>Whether pages may choose the recipe with setRecipe.</summary>
public sealed record RecipeVisibilityRequest(bool? Public);
