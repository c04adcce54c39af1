using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class ListAgentQueue(AgentsApi api)
{
    [Function(nameof(ListAgentQueue))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agent/queue")] HttpRequest request, CancellationToken cancellationToken) =>
        api.ListQueueAsync(request, cancellationToken);
}
