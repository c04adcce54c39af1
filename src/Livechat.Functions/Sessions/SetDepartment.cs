using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Sessions;

public sealed class SetDepartment(SessionsApi api)
{
    [Function(nameof(SetDepartment))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/session/department")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.SetDepartmentAsync(request, cancellationToken);
}
