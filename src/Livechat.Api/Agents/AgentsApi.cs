using Livechat.Api.Http;
using Livechat.Api.Rooms;
using Livechat.Api.Sessions;
using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Agents;

/// <summary>HTTP face of the agent console's calls, all with an agent token; both hosts route here.</summary>
public sealed class AgentsApi(
    AgentCall call,
    ListQueueHandler queue,
    ClaimRoomHandler claim,
    AgentPostMessageHandler post,
    AgentReadTranscriptHandler transcript,
    AgentCloseRoomHandler close,
    AgentNegotiateHandler negotiate,
    AgentPresence presence,
    AgentInvitations invitations,
    TypingHandler typing)
{
    /// <summary>POST /api/v1/agent/invitations/redeem: an invitation's one-time code becomes an agent token (no token needed to call).</summary>
    public async Task<IResult> RedeemInvitationAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RedeemInvitationRequest>(request, cancellationToken);
        if (!body.IsSuccess) return body.Problem!.ToResult();
        return (await invitations.RedeemAsync(body.Value!, cancellationToken)).ToResult(t => TypedResults.Ok(t));
    }

    /// <summary>POST /api/v1/agent/heartbeat: the console is open (the dashboard's online); 204.</summary>
    public Task<IResult> HeartbeatAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, async a =>
        {
            await presence.SeenAsync(a, cancellationToken);
            return Outcome<bool>.Ok(true);
        }, _ => TypedResults.NoContent(), cancellationToken);

    /// <summary>GET /api/v1/agent/queue?department=d: the rooms waiting in one of the agent's departments.</summary>
    public Task<IResult> ListQueueAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var department = request.Query["department"].ToString();
        return call.RunAsync(request, a => queue.HandleAsync(a, department, cancellationToken), q => TypedResults.Ok(q), cancellationToken);
    }

    /// <summary>POST /api/v1/agent/rooms/{roomId}/claim: takes a waiting room.</summary>
    public Task<IResult> ClaimAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<EmptyRequest, RoomClaimed>(request, (a, _) => claim.HandleAsync(a, roomId, cancellationToken), c => TypedResults.Ok(c),
            cancellationToken, new EmptyRequest());

    /// <summary>POST /api/v1/agent/rooms/{roomId}/messages: the claiming agent writes to the visitor.</summary>
    public Task<IResult> PostMessageAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<AgentMessageRequest, ChatMessage>(request, (a, body) => post.HandleAsync(a, roomId, body, cancellationToken),
            m => TypedResults.Accepted($"/api/v1/agent/rooms/{roomId}/messages", new PostedMessage(m)), cancellationToken);

    /// <summary>GET /api/v1/agent/rooms/{roomId}/messages?afterSeq=N: the transcript after message N.</summary>
    public Task<IResult> ReadMessagesAsync(HttpRequest request, string roomId, CancellationToken cancellationToken)
    {
        long afterSeq = 0;
        var raw = request.Query["afterSeq"].ToString();
        return call.RunAsync(request, a => raw.Length > 0 && !long.TryParse(raw, out afterSeq)
                ? Task.FromResult<Outcome<AgentTranscript>>(Problem.Invalid("afterSeq", "Must be a whole number."))
                : transcript.HandleAsync(a, roomId, afterSeq, cancellationToken),
            t => TypedResults.Ok(t), cancellationToken);
    }

    /// <summary>POST /api/v1/agent/rooms/{roomId}/typing: the agent is typing; the visitor hears it.</summary>
    public Task<IResult> TypingAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<EmptyRequest, Typed>(request, (a, _) => typing.AgentAsync(a, roomId, cancellationToken), _ => TypedResults.NoContent(),
            cancellationToken, new EmptyRequest());

    /// <summary>POST /api/v1/agent/rooms/{roomId}/close: ends the chat with reason <c>agent</c>.</summary>
    public Task<IResult> CloseAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<EmptyRequest, RoomClosed>(request, (a, _) => close.HandleAsync(a, roomId, cancellationToken), c => TypedResults.Ok(c),
            cancellationToken, new EmptyRequest());

    /// <summary>POST /api/v1/agent/negotiate: the realtime URL and a token for the agent's own identity.</summary>
    public Task<IResult> NegotiateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, async a =>
        {
            await presence.SeenAsync(a, cancellationToken);
            return Outcome<NegotiateResult>.Ok(await negotiate.HandleAsync(a, cancellationToken));
        }, r => TypedResults.Ok(r), cancellationToken);
}
