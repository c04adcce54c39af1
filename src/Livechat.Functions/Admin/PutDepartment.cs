using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class PutDepartment(DepartmentsAdminApi api)
{
    [Function(nameof(PutDepartment))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/departments/{departmentId}")] HttpRequest request,
        string departmentId,
        CancellationToken cancellationToken) =>
        api.PutAsync(request, departmentId, cancellationToken);
}
