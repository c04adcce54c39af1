using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class IssueAgentToken(AdminApi api)
{
    [Function(nameof(IssueAgentToken))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/agents/token")] HttpRequest request, CancellationToken cancellationToken) =>
        api.IssueAgentTokenAsync(request, cancellationToken);
}
