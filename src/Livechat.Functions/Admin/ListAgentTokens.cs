using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class ListAgentTokens(AdminApi api)
{
    [Function(nameof(ListAgentTokens))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/agents/{agentId}/tokens")] HttpRequest request,
        string agentId, CancellationToken cancellationToken) =>
        api.ListAgentTokensAsync(request, agentId, cancellationToken);
}
