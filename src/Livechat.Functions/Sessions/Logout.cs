using Livechat.Api.Sessions;
using Livechat.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Sessions;

public sealed class Logout(SessionsApi api)
{
    [Function(nameof(Logout))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/session/logout")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var _ = FunctionsRoomOrchestrations.Bind(durable);
        return await api.LogoutAsync(request, cancellationToken);
    }
}
