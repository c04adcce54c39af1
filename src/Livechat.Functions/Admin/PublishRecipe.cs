using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class PublishRecipe(RecipesAdminApi api)
{
    [Function(nameof(PublishRecipe))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/recipes/{recipeId}/publish")] HttpRequest request,
        string recipeId,
        CancellationToken cancellationToken) =>
        api.PublishAsync(request, recipeId, cancellationToken);
}
