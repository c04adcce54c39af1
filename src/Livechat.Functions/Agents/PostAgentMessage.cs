using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Agents;

public sealed class PostAgentMessage(AgentsApi api)
{
    [Function(nameof(PostAgentMessage))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/rooms/{roomId}/messages")] HttpRequest request,
        string roomId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.PostMessageAsync(request, roomId, cancellationToken);
}
