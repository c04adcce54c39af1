using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Privacy;

public sealed class ListAudit(PrivacyAdminApi api)
{
    [Function(nameof(ListAudit))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/audit")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListAuditAsync(request, cancellationToken);
}
