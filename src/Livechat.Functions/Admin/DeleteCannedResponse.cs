using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class DeleteCannedResponse(CannedResponsesAdminApi api)
{
    [Function(nameof(DeleteCannedResponse))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/departments/{departmentId}/canned-responses/{shortcut}")] HttpRequest request,
        string departmentId,
        string shortcut,
        CancellationToken cancellationToken) =>
        api.DeleteAsync(request, departmentId, shortcut, cancellationToken);
}
