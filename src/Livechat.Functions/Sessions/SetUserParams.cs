using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Sessions;

public sealed class SetUserParams(SessionsApi api)
{
    [Function(nameof(SetUserParams))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/session/params")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.SetUserParamsAsync(request, cancellationToken);
}
