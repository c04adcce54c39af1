using Livechat.Api.Attachments;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Attachments;

public sealed class CreateAgentAttachmentUpload(AttachmentsApi api)
{
    [Function(nameof(CreateAgentAttachmentUpload))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/rooms/{roomId}/attachments")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.AgentUploadAsync(request, roomId, cancellationToken);
}
