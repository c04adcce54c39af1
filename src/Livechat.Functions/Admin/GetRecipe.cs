using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class GetRecipe(RecipesAdminApi api)
{
    [Function(nameof(GetRecipe))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/recipes/{recipeId}")] HttpRequest request,
        string recipeId,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, recipeId, cancellationToken);
}
