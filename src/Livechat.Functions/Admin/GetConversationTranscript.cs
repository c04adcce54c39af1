using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class GetConversationTranscript(ConversationsAdminApi api)
{
    [Function(nameof(GetConversationTranscript))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/conversations/{roomId}/transcript")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.TranscriptAsync(request, roomId, cancellationToken);
}
