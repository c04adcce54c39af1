using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Sessions;

public sealed class GetSession(SessionsApi api)
{
    [Function(nameof(GetSession))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/session")] HttpRequest request, CancellationToken cancellationToken) =>
        api.GetAsync(request, cancellationToken);
}
