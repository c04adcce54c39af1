using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class ListAgentCannedResponses(AgentToolsApi api)
{
    [Function(nameof(ListAgentCannedResponses))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agent/canned-responses")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.CannedResponsesAsync(request, cancellationToken);
}
