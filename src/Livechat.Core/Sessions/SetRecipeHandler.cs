using Livechat.Core.Common;
using Livechat.Core.Recipes;

namespace Livechat.Core.Sessions;

/// <summary>
/// setRecipe: the next room runs this recipe; null returns to the default recipe. Only a recipe the admin marked
/// public may be chosen: any page, or anyone holding a visitor token, calls this. The default recipe needs no flag,
/// since rooms get it without asking.
/// </summary>
public sealed class SetRecipeHandler(SessionUpdater sessions, IRecipeStore recipes)
{
    public async Task<Outcome<SessionView>> HandleAsync(VisitorSession session, string? recipeId, CancellationToken cancellationToken)
    {
        if (recipeId is not null)
        {
            if (!Ids.IsSafe(recipeId, 64)) return Problem.Invalid("recipeId", "1 to 64 letters, digits, '-', '_' or '.'.");
            // A private recipe answers exactly like one that does not exist, so a page cannot probe for internal ones.
            if (await recipes.GetHeadAsync(recipeId, cancellationToken) is not { Public: true })
                return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        }
        var updated = await sessions.UpdateAsync(session, s => s with { RecipeId = recipeId }, cancellationToken);
        return updated.IsSuccess ? SessionView.From(updated.Value!) : updated.Problem!;
    }
}
