namespace Livechat.Core.Recipes;

/// <summary>
/// A recipe as a whole: its newest version, and what belongs to the recipe rather than to a version. Versions are
/// immutable, so whether pages may choose the recipe (<see cref="Public"/>) is set on the recipe and no edit changes it.
/// </summary>
public sealed record RecipeHead(Recipe Latest, bool Public);
