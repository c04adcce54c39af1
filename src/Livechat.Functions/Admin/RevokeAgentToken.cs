using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class RevokeAgentToken(AdminApi api)
{
    [Function(nameof(RevokeAgentToken))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/agents/{agentId}/tokens/{tokenId}")] HttpRequest request,
        string agentId, string tokenId, CancellationToken cancellationToken) =>
        api.RevokeAgentTokenAsync(request, agentId, tokenId, cancellationToken);
}
