using Livechat.Core.Common;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Recipes;

/// <summary>
/// The dashboard's recipe calls. Every save is validated first and becomes a new immutable version; rooms already
/// running keep the version they started with.
/// </summary>
public sealed class RecipeAdminHandler(IRecipeStore recipes, IOptions<RecipeOptions> options)
{
    public async Task<Outcome<Recipe>> CreateAsync(RecipeDefinition definition, CancellationToken cancellationToken)
    {
        var recipe = definition.ToRecipe(definition.Id ?? "");
        if (RecipeValidator.Validate(recipe) is { } problem) return problem;
        if (await recipes.GetLatestAsync(recipe.Id, cancellationToken) is not null)
            return Problem.Conflict($"Recipe '{recipe.Id}' exists.", "Update it with PUT /api/v1/admin/recipes/{id}.");
        return await recipes.SaveNewVersionAsync(recipe, cancellationToken);
    }

    public async Task<Outcome<Recipe>> UpdateAsync(string recipeId, RecipeDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.Id is not null && definition.Id != recipeId) return Problem.Invalid("id", "Must match the recipe id in the URL, or be left out.");
        var recipe = definition.ToRecipe(recipeId);
        if (RecipeValidator.Validate(recipe) is { } problem) return problem;
        if (await recipes.GetLatestAsync(recipeId, cancellationToken) is null) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        return await recipes.SaveNewVersionAsync(recipe, cancellationToken);
    }

    public async Task<Outcome<Recipe>> GetAsync(string recipeId, int? version, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(recipeId, 64)) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        var recipe = version is { } v ? await recipes.GetVersionAsync(recipeId, v, cancellationToken) : await recipes.GetLatestAsync(recipeId, cancellationToken);
        return recipe is null ? Problem.NotFound($"Recipe '{recipeId}'{(version is null ? "" : $" version {version}")}", version is null ? "recipeId" : "version") : recipe;
    }

    public async Task<Outcome<RecipeList>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await recipes.ListLatestAsync(cancellationToken);
        var defaultId = await recipes.GetDefaultIdAsync(cancellationToken) ?? options.Value.DefaultRecipeId;
        return new RecipeList(defaultId, all.Select(r => new RecipeSummary(r.Id, r.Name, r.Version)).OrderBy(r => r.Id).ToList());
    }

    public async Task<Outcome<RecipeDeleted>> DeleteAsync(string recipeId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(recipeId, 64) || !await recipes.DeleteAsync(recipeId, cancellationToken)) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        return new RecipeDeleted(recipeId);
    }

    public async Task<Outcome<DefaultRecipeRequest>> SetDefaultAsync(DefaultRecipeRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(request.RecipeId, 64)) return Problem.Invalid("recipeId", "1 to 64 letters, digits, '-', '_' or '.'.");
        if (await recipes.GetLatestAsync(request.RecipeId!, cancellationToken) is null) return Problem.NotFound($"Recipe '{request.RecipeId}'", "recipeId");
        await recipes.SetDefaultIdAsync(request.RecipeId!, cancellationToken);
        return request;
    }
}

public sealed record RecipeSummary(string Id, string Name, int Version);

public sealed record RecipeList(string DefaultRecipeId, IReadOnlyList<RecipeSummary> Recipes);

public sealed record RecipeDeleted(string RecipeId);
