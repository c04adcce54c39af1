using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Agents;

public sealed class CloseAgentRoom(AgentsApi api)
{
    [Function(nameof(CloseAgentRoom))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/rooms/{roomId}/close")] HttpRequest request,
        string roomId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.CloseAsync(request, roomId, cancellationToken);
}
