using Livechat.Api.Rooms;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Rooms;

public sealed class ReportVisitorPage(VisitorReportsApi api)
{
    [Function(nameof(ReportVisitorPage))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/rooms/{roomId}/page")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.PageAsync(request, roomId, cancellationToken);
}
