using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class GetRoomVisitor(AgentToolsApi api)
{
    [Function(nameof(GetRoomVisitor))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agent/rooms/{roomId}/visitor")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.VisitorAsync(request, roomId, cancellationToken);
}
