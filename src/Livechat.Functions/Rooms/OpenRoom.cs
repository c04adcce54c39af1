using Livechat.Api.Rooms;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Rooms;

public sealed class OpenRoom(RoomsApi api)
{
    [Function(nameof(OpenRoom))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/rooms")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.OpenAsync(request, cancellationToken);
}
