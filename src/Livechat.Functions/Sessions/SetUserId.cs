using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Sessions;

public sealed class SetUserId(SessionsApi api)
{
    [Function(nameof(SetUserId))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/session/user")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.SetUserIdAsync(request, cancellationToken);
}
