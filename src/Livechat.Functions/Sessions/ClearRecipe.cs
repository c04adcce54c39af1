using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Sessions;

public sealed class ClearRecipe(SessionsApi api)
{
    [Function(nameof(ClearRecipe))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/session/recipe")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ClearRecipeAsync(request, cancellationToken);
}
