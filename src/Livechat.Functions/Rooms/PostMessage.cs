using Livechat.Api.Rooms;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Rooms;

public sealed class PostMessage(RoomsApi api)
{
    [Function(nameof(PostMessage))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/rooms/{roomId}/messages")] HttpRequest request,
        string roomId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.PostMessageAsync(request, roomId, cancellationToken);
}
