using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class ListAgents(AdminApi api)
{
    [Function(nameof(ListAgents))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/agents")] HttpRequest request, CancellationToken cancellationToken) =>
        api.ListAgentsAsync(request, cancellationToken);
}
