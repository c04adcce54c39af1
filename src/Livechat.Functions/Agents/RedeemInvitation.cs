using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class RedeemInvitation(AgentsApi api)
{
    [Function(nameof(RedeemInvitation))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/invitations/redeem")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RedeemInvitationAsync(request, cancellationToken);
}
