using Livechat.Api.Http;
using Livechat.Core.Agents;
using Livechat.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Admin;

/// <summary>HTTP face of the admin (operator) calls, protected by the <c>x-admin-key</c> header; both hosts route here.</summary>
public sealed class AdminApi(AdminCall call, IssueAgentTokenHandler issue, RoomTransfer transfer)
{
    /// <summary>POST /api/v1/admin/agents/token: an agent token naming the agent and its departments.</summary>
    public Task<IResult> IssueAgentTokenAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<AgentTokenRequest, AgentTokenIssued>(request, body => Task.FromResult(issue.Handle(body)), t => TypedResults.Ok(t), cancellationToken);

    /// <summary>POST /api/v1/admin/rooms/{roomId}/transfer: puts the room in a department's queue.</summary>
    public Task<IResult> TransferRoomAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<TransferRequest, RoomTransferred>(request,
            body => Ids.IsSafe(roomId)
                ? transfer.TransferAsync(roomId, body.Department, cancellationToken)
                : Task.FromResult<Outcome<RoomTransferred>>(Problem.NotFound("Room", "roomId")),
            t => TypedResults.Ok(t), cancellationToken);
}
