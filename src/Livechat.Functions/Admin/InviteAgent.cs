using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class InviteAgent(AdminApi api)
{
    [Function(nameof(InviteAgent))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/agents/invitations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.InviteAgentAsync(request, cancellationToken);
}
