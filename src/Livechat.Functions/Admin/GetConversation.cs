using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class GetConversation(ConversationsAdminApi api)
{
    [Function(nameof(GetConversation))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/conversations/{roomId}")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, roomId, cancellationToken);
}
