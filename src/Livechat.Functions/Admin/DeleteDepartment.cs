using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class DeleteDepartment(DepartmentsAdminApi api)
{
    [Function(nameof(DeleteDepartment))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/departments/{departmentId}")] HttpRequest request,
        string departmentId,
        CancellationToken cancellationToken) =>
        api.DeleteAsync(request, departmentId, cancellationToken);
}
