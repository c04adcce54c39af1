using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class AgentNegotiate(AgentsApi api)
{
    [Function(nameof(AgentNegotiate))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/negotiate")] HttpRequest request, CancellationToken cancellationToken) =>
        api.NegotiateAsync(request, cancellationToken);
}
