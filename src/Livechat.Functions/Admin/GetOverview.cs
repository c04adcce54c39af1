using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class GetOverview(ConversationsAdminApi api)
{
    [Function(nameof(GetOverview))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/overview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.OverviewAsync(request, cancellationToken);
}
