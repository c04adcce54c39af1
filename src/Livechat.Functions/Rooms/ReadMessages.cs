using Livechat.Api.Rooms;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Rooms;

public sealed class ReadMessages(RoomsApi api)
{
    [Function(nameof(ReadMessages))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/rooms/{roomId}/messages")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.ReadMessagesAsync(request, roomId, cancellationToken);
}
