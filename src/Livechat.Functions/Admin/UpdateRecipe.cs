using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class UpdateRecipe(RecipesAdminApi api)
{
    [Function(nameof(UpdateRecipe))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/recipes/{recipeId}")] HttpRequest request,
        string recipeId,
        CancellationToken cancellationToken) =>
        api.UpdateAsync(request, recipeId, cancellationToken);
}
