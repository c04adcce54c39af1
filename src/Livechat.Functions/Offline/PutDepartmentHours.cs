using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Offline;

public sealed class PutDepartmentHours(DepartmentsAdminApi api)
{
    [Function(nameof(PutDepartmentHours))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/departments/{departmentId}/hours")] HttpRequest request,
        string departmentId,
        CancellationToken cancellationToken) =>
        api.PutHoursAsync(request, departmentId, cancellationToken);
}
