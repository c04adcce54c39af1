using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class SetAgentPresence(RoutingApi api)
{
    [Function(nameof(SetAgentPresence))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/agent/presence")] HttpRequest request, CancellationToken cancellationToken) =>
        api.SetPresenceAsync(request, cancellationToken);
}
