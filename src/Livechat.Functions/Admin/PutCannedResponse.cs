using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class PutCannedResponse(CannedResponsesAdminApi api)
{
    [Function(nameof(PutCannedResponse))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/departments/{departmentId}/canned-responses/{shortcut}")] HttpRequest request,
        string departmentId,
        string shortcut,
        CancellationToken cancellationToken) =>
        api.PutAsync(request, departmentId, shortcut, cancellationToken);
}
