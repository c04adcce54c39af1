using Livechat.Api.Http;
using Livechat.Core.Agents;
using Livechat.Core.CannedResponses;
using Livechat.Core.Notes;
using Livechat.Core.Rooms.Receipts;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Agents;

/// <summary>HTTP face of the console's agent tools (notes, read receipts, the visitor panel, canned responses), all with an agent token.</summary>
public sealed class AgentToolsApi(AgentCall call, AddNoteHandler notes, ReadReceiptHandler receipts, VisitorProfileHandler profiles, CannedResponsesHandler canned)
{
    /// <summary>POST /api/v1/agent/rooms/{roomId}/notes: an internal note the visitor never sees.</summary>
    public Task<IResult> AddNoteAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<NoteRequest, RoomNote>(request, (a, body) => notes.HandleAsync(a, roomId, body, cancellationToken),
            n => TypedResults.Created($"/api/v1/agent/rooms/{roomId}/messages", n), cancellationToken);

    /// <summary>POST /api/v1/agent/rooms/{roomId}/read: the agent has seen the room up to <c>seq</c>; the visitor hears it.</summary>
    public Task<IResult> ReadAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<ReadRequest, ReadRecorded>(request, (a, body) => receipts.AgentAsync(a, roomId, body, cancellationToken), r => TypedResults.Ok(r),
            cancellationToken);

    /// <summary>GET /api/v1/agent/rooms/{roomId}/visitor: the visitor panel.</summary>
    public Task<IResult> VisitorAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync(request, a => profiles.HandleAsync(a, roomId, cancellationToken), p => TypedResults.Ok(p), cancellationToken);

    /// <summary>GET /api/v1/agent/canned-responses?department=d: one of the agent's departments' canned responses.</summary>
    public Task<IResult> CannedResponsesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var department = request.Query["department"].ToString();
        return call.RunAsync(request, a => canned.ListForAgentAsync(a, department, cancellationToken), l => TypedResults.Ok(l), cancellationToken);
    }
}
