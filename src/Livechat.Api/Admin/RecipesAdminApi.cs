using Livechat.Api.Http;
using Livechat.Core.Common;
using Livechat.Core.Recipes;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Admin;

/// <summary>HTTP face of the dashboard's recipe calls, protected by the <c>x-admin-key</c> header; both hosts route here.</summary>
public sealed class RecipesAdminApi(AdminCall call, RecipeAdminHandler recipes, RecipeDraftHandler drafts, RecipePreviewHandler previews)
{
    /// <summary>GET /api/v1/admin/recipes</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => recipes.ListAsync(cancellationToken), l => TypedResults.Ok(l));

    /// <summary>POST /api/v1/admin/recipes: version 1 of a new recipe.</summary>
    public Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<RecipeDefinition, RecipeView>(request, body => recipes.CreateAsync(body, cancellationToken),
            r => TypedResults.Created($"/api/v1/admin/recipes/{r.Id}", r), cancellationToken);

    /// <summary>GET /api/v1/admin/recipes/{recipeId}?version=N</summary>
    public Task<IResult> GetAsync(HttpRequest request, string recipeId, CancellationToken cancellationToken)
    {
        var raw = request.Query["version"].ToString();
        int? version = int.TryParse(raw, out var v) && v > 0 ? v : null;
        if (raw.Length > 0 && version is null) return Task.FromResult(Problem.Invalid("version", "A version number from 1.").ToResult());
        return call.RunAsync(request, () => recipes.GetAsync(recipeId, version, cancellationToken), r => TypedResults.Ok(r));
    }

    /// <summary>PUT /api/v1/admin/recipes/{recipeId}: a new version.</summary>
    public Task<IResult> UpdateAsync(HttpRequest request, string recipeId, CancellationToken cancellationToken) =>
        call.RunAsync<RecipeDefinition, RecipeView>(request, body => recipes.UpdateAsync(recipeId, body, cancellationToken), r => TypedResults.Ok(r), cancellationToken);

    /// <summary>PUT /api/v1/admin/recipes/{recipeId}/visibility: whether pages may choose the recipe with setRecipe.</summary>
    public Task<IResult> SetVisibilityAsync(HttpRequest request, string recipeId, CancellationToken cancellationToken) =>
        call.RunAsync<RecipeVisibilityRequest, RecipeSummary>(request, body => recipes.SetVisibilityAsync(recipeId, body, cancellationToken), r => TypedResults.Ok(r), cancellationToken);

    /// <summary>DELETE /api/v1/admin/recipes/{recipeId}</summary>
    public Task<IResult> DeleteAsync(HttpRequest request, string recipeId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => recipes.DeleteAsync(recipeId, cancellationToken), d => TypedResults.Ok(d));

    /// <summary>PUT /api/v1/admin/default-recipe</summary>
    public Task<IResult> SetDefaultAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<DefaultRecipeRequest, DefaultRecipeRequest>(request, body => recipes.SetDefaultAsync(body, cancellationToken), d => TypedResults.Ok(d), cancellationToken);

    /// <summary>GET /api/v1/admin/recipes/{recipeId}/draft: the draft, or the newest version when there is none, with the validator's findings.</summary>
    public Task<IResult> GetDraftAsync(HttpRequest request, string recipeId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => drafts.GetAsync(recipeId, cancellationToken), d => TypedResults.Ok(d));

    /// <summary>PUT /api/v1/admin/recipes/{recipeId}/draft: stores the editor's work without publishing (a new id creates the recipe as a draft).</summary>
    public Task<IResult> SaveDraftAsync(HttpRequest request, string recipeId, CancellationToken cancellationToken) =>
        call.RunAsync<RecipeDefinition, RecipeDraftView>(request, body => drafts.SaveAsync(recipeId, body, cancellationToken), d => TypedResults.Ok(d), cancellationToken);

    /// <summary>POST /api/v1/admin/recipes/{recipeId}/publish: the draft, validated, becomes the next version.</summary>
    public Task<IResult> PublishAsync(HttpRequest request, string recipeId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => drafts.PublishAsync(recipeId, cancellationToken), r => TypedResults.Ok(r));

    /// <summary>GET /api/v1/admin/recipes/{recipeId}/versions: newest first, with what each changed.</summary>
    public Task<IResult> ListVersionsAsync(HttpRequest request, string recipeId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => drafts.ListVersionsAsync(recipeId, cancellationToken), l => TypedResults.Ok(l));

    /// <summary>POST /api/v1/admin/recipes/{recipeId}/preview: a short-lived snapshot of the draft and a visitor session that runs it.</summary>
    public Task<IResult> PreviewAsync(HttpRequest request, string recipeId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => previews.StartAsync(recipeId, cancellationToken), p => TypedResults.Ok(p));
}
