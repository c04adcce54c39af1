using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Sessions;

public sealed class CreateSession(SessionsApi api)
{
    [Function(nameof(CreateSession))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/sessions")] HttpRequest request, CancellationToken cancellationToken) =>
        api.CreateAsync(request, cancellationToken);
}
