using Livechat.Api.Rooms;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Rooms;

public sealed class VisitorRead(VisitorReportsApi api)
{
    [Function(nameof(VisitorRead))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/rooms/{roomId}/read")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.ReadAsync(request, roomId, cancellationToken);
}
