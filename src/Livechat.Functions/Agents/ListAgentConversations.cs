using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class ListAgentConversations(AgentConversationsApi api)
{
    [Function(nameof(ListAgentConversations))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agent/conversations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListAsync(request, cancellationToken);
}
