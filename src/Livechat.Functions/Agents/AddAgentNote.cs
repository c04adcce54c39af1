using Livechat.Api.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Agents;

public sealed class AddAgentNote(AgentToolsApi api)
{
    [Function(nameof(AddAgentNote))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/rooms/{roomId}/notes")] HttpRequest request,
        string roomId,
        CancellationToken cancellationToken) =>
        api.AddNoteAsync(request, roomId, cancellationToken);
}
