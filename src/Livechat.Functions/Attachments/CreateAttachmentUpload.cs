using Livechat.Api.Attachments;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Attachments;

public sealed class CreateAttachmentUpload(AttachmentsApi api)
{
    [Function(nameof(CreateAttachmentUpload))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/rooms/{roomId}/attachments")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.VisitorUploadAsync(request, roomId, cancellationToken);
}
