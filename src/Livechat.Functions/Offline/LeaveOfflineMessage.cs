using Livechat.Api.Rooms;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Offline;

public sealed class LeaveOfflineMessage(VisitorFeedbackApi api)
{
    [Function(nameof(LeaveOfflineMessage))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/rooms/{roomId}/offline-message")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.OfflineMessageAsync(request, roomId, cancellationToken);
}
