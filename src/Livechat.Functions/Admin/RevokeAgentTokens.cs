using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class RevokeAgentTokens(AdminApi api)
{
    [Function(nameof(RevokeAgentTokens))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/agents/{agentId}/tokens")] HttpRequest request,
        string agentId, CancellationToken cancellationToken) =>
        api.RevokeAgentTokensAsync(request, agentId, cancellationToken);
}
