using Livechat.Core.Common;
using Livechat.Core.Recipes;

namespace Livechat.Core.Sessions;

/// <summary>setRecipe: the next room runs this recipe (it must exist); null returns to the default recipe.</summary>
public sealed class SetRecipeHandler(SessionUpdater sessions, IRecipeStore recipes)
{
    public async Task<Outcome<SessionView>> HandleAsync(VisitorSession session, string? recipeId, CancellationToken cancellationToken)
    {
        if (recipeId is not null)
        {
            if (!Ids.IsSafe(recipeId, 64)) return Problem.Invalid("recipeId", "1 to 64 letters, digits, '-', '_' or '.'.");
            if (await recipes.GetLatestAsync(recipeId, cancellationToken) is null) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        }
        var updated = await sessions.UpdateAsync(session, s => s with { RecipeId = recipeId }, cancellationToken);
        return updated.IsSuccess ? SessionView.From(updated.Value!) : updated.Problem!;
    }
}
