using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Offline;

public sealed class ListOfflineMessages(AgentHandoverApi api)
{
    [Function(nameof(ListOfflineMessages))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agent/offline-messages")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.OfflineMessagesAsync(request, cancellationToken);
}
