using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class ListRecipeVersions(RecipesAdminApi api)
{
    [Function(nameof(ListRecipeVersions))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/recipes/{recipeId}/versions")] HttpRequest request,
        string recipeId,
        CancellationToken cancellationToken) =>
        api.ListVersionsAsync(request, recipeId, cancellationToken);
}
