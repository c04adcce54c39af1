using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class DeleteRecipe(RecipesAdminApi api)
{
    [Function(nameof(DeleteRecipe))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/recipes/{recipeId}")] HttpRequest request,
        string recipeId,
        CancellationToken cancellationToken) =>
        api.DeleteAsync(request, recipeId, cancellationToken);
}
