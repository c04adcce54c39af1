using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class ListCannedResponses(CannedResponsesAdminApi api)
{
    [Function(nameof(ListCannedResponses))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/departments/{departmentId}/canned-responses")] HttpRequest request,
        string departmentId,
        CancellationToken cancellationToken) =>
        api.ListAsync(request, departmentId, cancellationToken);
}
