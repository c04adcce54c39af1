using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class GetAgentConversationTranscript(AgentConversationsApi api)
{
    [Function(nameof(GetAgentConversationTranscript))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agent/conversations/{roomId}/transcript")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.TranscriptAsync(request, roomId, cancellationToken);
}
