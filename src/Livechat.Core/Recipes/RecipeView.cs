namespace Livechat.Core.Recipes;

/// <summary>A recipe version as the dashboard reads it, with the recipe's <see cref="Public"/> flag beside it.</summary>
public sealed record RecipeView(string Id, int Version, string Name, string StartBlockId, IReadOnlyList<RecipeBlock> Blocks, bool Public)
{
    public static RecipeView Of(Recipe recipe, bool isPublic) =>
        new(recipe.Id, recipe.Version, recipe.Name, recipe.StartBlockId, recipe.Blocks, isPublic);
}
