using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class SetDefaultRecipe(RecipesAdminApi api)
{
    [Function(nameof(SetDefaultRecipe))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/default-recipe")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.SetDefaultAsync(request, cancellationToken);
}
