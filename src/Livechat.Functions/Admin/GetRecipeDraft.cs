using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class GetRecipeDraft(RecipesAdminApi api)
{
    [Function(nameof(GetRecipeDraft))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/recipes/{recipeId}/draft")] HttpRequest request,
        string recipeId,
        CancellationToken cancellationToken) =>
        api.GetDraftAsync(request, recipeId, cancellationToken);
}
