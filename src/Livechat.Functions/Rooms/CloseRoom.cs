using Livechat.Api.Rooms;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Rooms;

public sealed class CloseRoom(RoomsApi api)
{
    [Function(nameof(CloseRoom))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/rooms/{roomId}/close")] HttpRequest request,
        string roomId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.CloseAsync(request, roomId, cancellationToken);
}
