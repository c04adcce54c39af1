using Livechat.Api.Rooms;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Offline;

public sealed class SubmitCsat(VisitorFeedbackApi api)
{
    [Function(nameof(SubmitCsat))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/rooms/{roomId}/csat")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.CsatAsync(request, roomId, cancellationToken);
}
