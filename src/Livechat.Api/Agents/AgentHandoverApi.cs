using Livechat.Api.Http;
using Livechat.Core.Agents;
using Livechat.Core.Offline;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Agents;

/// <summary>HTTP face of the console's transfer with a note and its "Offline messages" list, with an agent token.</summary>
public sealed class AgentHandoverApi(AgentCall call, AgentTransferHandler transfer, OfflineListHandler offline)
{
    /// <summary>POST /api/v1/agent/rooms/{roomId}/transfer: to another agent or department, with a note the visitor never sees.</summary>
    public Task<IResult> TransferAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<AgentTransferRequest, AgentTransferred>(request, (a, body) => transfer.HandleAsync(a, roomId, body, cancellationToken),
            t => TypedResults.Ok(t), cancellationToken);

    /// <summary>GET /api/v1/agent/offline-messages?continuationToken=: the offline messages of the agent's departments.</summary>
    public Task<IResult> OfflineMessagesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var token = request.Query["continuationToken"].ToString();
        return call.RunAsync(request, a => offline.ListForAgentAsync(a, token.Length == 0 ? null : token, cancellationToken), p => TypedResults.Ok(p), cancellationToken);
    }
}
