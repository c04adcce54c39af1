using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class AgentHeartbeat(AgentsApi api)
{
    [Function(nameof(AgentHeartbeat))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/heartbeat")] HttpRequest request, CancellationToken cancellationToken) =>
        api.HeartbeatAsync(request, cancellationToken);
}
