using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Agents;

public sealed class ClaimRoom(AgentsApi api)
{
    [Function(nameof(ClaimRoom))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/rooms/{roomId}/claim")] HttpRequest request,
        string roomId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.ClaimAsync(request, roomId, cancellationToken);
}
