using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Offline;

public sealed class DeleteDepartmentHours(DepartmentsAdminApi api)
{
    [Function(nameof(DeleteDepartmentHours))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/departments/{departmentId}/hours")] HttpRequest request,
        string departmentId,
        CancellationToken cancellationToken) =>
        api.DeleteHoursAsync(request, departmentId, cancellationToken);
}
