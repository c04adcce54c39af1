using Livechat.Api.Http;
using Livechat.Core.Admin;
using Livechat.Core.Agents;
using Livechat.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Admin;

/// <summary>HTTP face of the admin (operator) calls, protected by the <c>x-admin-key</c> header; both hosts route here.</summary>
public sealed class AdminApi(
    AdminCall call,
    AdminAccess access,
    IssueAgentTokenHandler issue,
    AgentTokenRevocation revocation,
    RoomTransfer transfer,
    AgentInvitations invitations,
    AgentDirectory directory)
{
    /// <summary>
    /// GET /api/v1/admin/whoami: who is signed in and how; 401 otherwise. Both answers say where Microsoft sign-in is
    /// (<c>entraSignInUrl</c>, null without Easy Auth), so the dashboard offers the way this deployment has.
    /// </summary>
    public IResult WhoAmI(HttpRequest request)
    {
        var entra = access.EntraSignIn ? AdminAccess.EntraSignInPath : null;
        var caller = call.Authenticate(request);
        return caller.IsSuccess
            ? TypedResults.Ok(new WhoAmIAnswer(caller.Value!.Method, caller.Value.Name, entra))
            : caller.Problem!.ToResult(new Dictionary<string, object?> { ["entraSignInUrl"] = entra });
    }

    /// <summary>GET /api/v1/admin/agents: the agents with a token in force or an unused invitation, online or not, and their chats.</summary>
    public Task<IResult> ListAgentsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, async () => Outcome<AgentList>.Ok(await directory.ListAsync(cancellationToken)), l => TypedResults.Ok(l));

    /// <summary>POST /api/v1/admin/agents/invitations: a one-time sign-in link for the agent console.</summary>
    public Task<IResult> InviteAgentAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<AgentTokenRequest, AgentInvitationCreated>(request, body => invitations.CreateAsync(body, cancellationToken),
            i => TypedResults.Created(i.Link, i), cancellationToken);

    /// <summary>POST /api/v1/admin/agents/token: an agent token naming the agent and its departments.</summary>
    public Task<IResult> IssueAgentTokenAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<AgentTokenRequest, AgentTokenIssued>(request, body => issue.HandleAsync(body, cancellationToken), t => TypedResults.Ok(t), cancellationToken);

    /// <summary>GET /api/v1/admin/agents/{agentId}/tokens: the agent's tokens in force (ids, departments, expiry).</summary>
    public Task<IResult> ListAgentTokensAsync(HttpRequest request, string agentId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => revocation.ListAsync(agentId, cancellationToken), tokens => TypedResults.Ok(new { tokens }));

    /// <summary>DELETE /api/v1/admin/agents/{agentId}/tokens/{tokenId}: revokes one token.</summary>
    public Task<IResult> RevokeAgentTokenAsync(HttpRequest request, string agentId, string tokenId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => revocation.RevokeAsync(agentId, tokenId, cancellationToken), r => TypedResults.Ok(r));

    /// <summary>DELETE /api/v1/admin/agents/{agentId}/tokens: revokes every token of the agent (signs it out everywhere).</summary>
    public Task<IResult> RevokeAgentTokensAsync(HttpRequest request, string agentId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => revocation.RevokeAllAsync(agentId, cancellationToken), r => TypedResults.Ok(r));

    /// <summary>POST /api/v1/admin/rooms/{roomId}/transfer: puts the room in a department's queue.</summary>
    public Task<IResult> TransferRoomAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<TransferRequest, RoomTransferred>(request,
            body => Ids.IsSafe(roomId)
                ? transfer.TransferAsync(roomId, body.Department, cancellationToken)
                : Task.FromResult<Outcome<RoomTransferred>>(Problem.NotFound("Room", "roomId")),
            t => TypedResults.Ok(t), cancellationToken);
}
