using Livechat.Api.Realtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Realtime;

public sealed class Negotiate(NegotiateApi api)
{
    [Function(nameof(Negotiate))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/negotiate")] HttpRequest request, CancellationToken cancellationToken) =>
        api.NegotiateAsync(request, cancellationToken);
}
