using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class SaveRecipeDraft(RecipesAdminApi api)
{
    [Function(nameof(SaveRecipeDraft))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/recipes/{recipeId}/draft")] HttpRequest request,
        string recipeId,
        CancellationToken cancellationToken) =>
        api.SaveDraftAsync(request, recipeId, cancellationToken);
}
