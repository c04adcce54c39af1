using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class AgentRead(AgentToolsApi api)
{
    [Function(nameof(AgentRead))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/rooms/{roomId}/read")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.ReadAsync(request, roomId, cancellationToken);
}
