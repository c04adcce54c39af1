using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Sessions;

public sealed class ClearDepartment(SessionsApi api)
{
    [Function(nameof(ClearDepartment))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/session/department")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ClearDepartmentAsync(request, cancellationToken);
}
