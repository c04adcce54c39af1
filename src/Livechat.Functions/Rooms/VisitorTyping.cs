using Livechat.Api.Rooms;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Rooms;

public sealed class VisitorTyping(RoomsApi api)
{
    [Function(nameof(VisitorTyping))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/rooms/{roomId}/typing")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.TypingAsync(request, roomId, cancellationToken);
}
