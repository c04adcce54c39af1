using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class ReadAgentMessages(AgentsApi api)
{
    [Function(nameof(ReadAgentMessages))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agent/rooms/{roomId}/messages")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.ReadMessagesAsync(request, roomId, cancellationToken);
}
