using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class GetAgentConversation(AgentConversationsApi api)
{
    [Function(nameof(GetAgentConversation))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agent/conversations/{roomId}")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, roomId, cancellationToken);
}
