using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class AgentTyping(AgentsApi api)
{
    [Function(nameof(AgentTyping))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/rooms/{roomId}/typing")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.TypingAsync(request, roomId, cancellationToken);
}
