using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class SetAgentCapacity(RoutingApi api)
{
    [Function(nameof(SetAgentCapacity))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/agents/{agentId}/capacity")] HttpRequest request,
        string agentId,
        CancellationToken cancellationToken) =>
        api.SetCapacityAsync(request, agentId, cancellationToken);
}
