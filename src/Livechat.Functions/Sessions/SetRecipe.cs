using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Sessions;

public sealed class SetRecipe(SessionsApi api)
{
    [Function(nameof(SetRecipe))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/session/recipe")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.SetRecipeAsync(request, cancellationToken);
}
