using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class PreviewRecipe(RecipesAdminApi api)
{
    [Function(nameof(PreviewRecipe))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/recipes/{recipeId}/preview")] HttpRequest request,
        string recipeId,
        CancellationToken cancellationToken) =>
        api.PreviewAsync(request, recipeId, cancellationToken);
}
