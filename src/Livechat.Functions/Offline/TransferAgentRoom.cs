using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Offline;

public sealed class TransferAgentRoom(AgentHandoverApi api)
{
    [Function(nameof(TransferAgentRoom))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/rooms/{roomId}/transfer")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.TransferAsync(request, roomId, cancellationToken);
}
