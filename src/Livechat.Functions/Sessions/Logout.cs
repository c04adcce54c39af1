using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Sessions;

public sealed class Logout(SessionsApi api)
{
    [Function(nameof(Logout))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/session/logout")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.LogoutAsync(request, cancellationToken);
}
