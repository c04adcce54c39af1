using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class SetRecipeVisibility(RecipesAdminApi api)
{
    [Function(nameof(SetRecipeVisibility))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/recipes/{recipeId}/visibility")] HttpRequest request,
        string recipeId,
        CancellationToken cancellationToken) =>
        api.SetVisibilityAsync(request, recipeId, cancellationToken);
}
