using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Admin;

public sealed class TransferRoom(AdminApi api)
{
    [Function(nameof(TransferRoom))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/rooms/{roomId}/transfer")] HttpRequest request,
        string roomId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.TransferRoomAsync(request, roomId, cancellationToken);
}
