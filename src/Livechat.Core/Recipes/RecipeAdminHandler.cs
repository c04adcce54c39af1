using Livechat.Core.Common;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Recipes;

/// <summary>
/// The dashboard's recipe calls. Every save is validated first and becomes a new immutable version; rooms already
/// running keep the version they started with.
/// </summary>
public sealed class RecipeAdminHandler(IRecipeStore recipes, IOptions<RecipeOptions> options)
{
    /// <summary>A new recipe is private: pages may choose it once the admin sets it public (<see cref="SetVisibilityAsync"/>).</summary>
    public async Task<Outcome<RecipeView>> CreateAsync(RecipeDefinition definition, CancellationToken cancellationToken)
    {
        var recipe = definition.ToRecipe(definition.Id ?? "");
        if (RecipeValidator.Validate(recipe) is { } problem) return problem;
        if (await recipes.GetLatestAsync(recipe.Id, cancellationToken) is not null)
            return Problem.Conflict($"Recipe '{recipe.Id}' exists.", "Update it with PUT /api/v1/admin/recipes/{id}.");
        return RecipeView.Of(await recipes.SaveNewVersionAsync(recipe, cancellationToken), isPublic: false);
    }

    public async Task<Outcome<RecipeView>> UpdateAsync(string recipeId, RecipeDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.Id is not null && definition.Id != recipeId) return Problem.Invalid("id", "Must match the recipe id in the URL, or be left out.");
        var recipe = definition.ToRecipe(recipeId);
        if (RecipeValidator.Validate(recipe) is { } problem) return problem;
        if (await recipes.GetHeadAsync(recipeId, cancellationToken) is not { } head) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        return RecipeView.Of(await recipes.SaveNewVersionAsync(recipe, cancellationToken), head.Public);
    }

    public async Task<Outcome<RecipeView>> GetAsync(string recipeId, int? version, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(recipeId, 64)) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        var head = await recipes.GetHeadAsync(recipeId, cancellationToken);
        if (version is not { } v)
            return head is null ? Problem.NotFound($"Recipe '{recipeId}'", "recipeId") : RecipeView.Of(head.Latest, head.Public);
        // Old versions stay readable after a delete (running rooms use them); a deleted recipe is not public.
        var recipe = await recipes.GetVersionAsync(recipeId, v, cancellationToken);
        return recipe is null ? Problem.NotFound($"Recipe '{recipeId}' version {v}", "version") : RecipeView.Of(recipe, head?.Public ?? false);
    }

    public async Task<Outcome<RecipeList>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await recipes.ListHeadsAsync(cancellationToken);
        var drafts = (await recipes.ListDraftsAsync(cancellationToken)).ToDictionary(d => d.Recipe.Id, StringComparer.Ordinal);
        var defaultId = await recipes.GetDefaultIdAsync(cancellationToken) ?? options.Value.DefaultRecipeId;
        var published = all.Select(h => new RecipeListItem(h.Latest.Id, h.Latest.Name, h.Latest.Version, h.Public, drafts.ContainsKey(h.Latest.Id)));
        // A recipe made in the dashboard is a draft until its first publish: listed, with no version.
        var unpublished = drafts.Values.Where(d => all.All(h => h.Latest.Id != d.Recipe.Id))
            .Select(d => new RecipeListItem(d.Recipe.Id, d.Recipe.Name, null, false, true));
        return new RecipeList(defaultId, published.Concat(unpublished).OrderBy(r => r.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>Whether pages may choose the recipe with setRecipe; a setting of the recipe, so no new version.</summary>
    public async Task<Outcome<RecipeSummary>> SetVisibilityAsync(string recipeId, RecipeVisibilityRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(recipeId, 64)) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        if (request.Public is not { } isPublic) return Problem.Invalid("public", "Required: true or false.");
        var head = await recipes.SetPublicAsync(recipeId, isPublic, cancellationToken);
        return head is null ? Problem.NotFound($"Recipe '{recipeId}'", "recipeId") : RecipeSummary.Of(head);
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

public sealed record RecipeSummary(string Id, string Name, int Version, bool Public)
{
    public static RecipeSummary Of(RecipeHead head) => new(head.Latest.Id, head.Latest.Name, head.Latest.Version, head.Public);
}

/// <summary>A recipe in the dashboard's list: <paramref name="Version"/> null until its first publish; <paramref name="Draft"/> when unpublished work is stored.</summary>
public sealed record RecipeListItem(string Id, string Name, int? Version, bool Public, bool Draft);

public sealed record RecipeList(string DefaultRecipeId, IReadOnlyList<RecipeListItem> Recipes);

public sealed record RecipeDeleted(string RecipeId);
