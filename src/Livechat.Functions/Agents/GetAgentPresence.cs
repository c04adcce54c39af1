using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class GetAgentPresence(RoutingApi api)
{
    [Function(nameof(GetAgentPresence))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agent/presence")] HttpRequest request, CancellationToken cancellationToken) =>
        api.GetPresenceAsync(request, cancellationToken);
}
