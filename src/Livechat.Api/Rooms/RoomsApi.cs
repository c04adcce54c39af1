using Livechat.Api.Http;
using Livechat.Api.Sessions;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Rooms;

/// <summary>HTTP face of the room calls (openWidget, messages, closeWidget, transcript); both hosts route here.</summary>
public sealed class RoomsApi(
    SessionAuthenticator auth,
    OpenRoomHandler open,
    PostMessageHandler post,
    CloseRoomHandler close,
    ReadTranscriptHandler transcript)
{
    /// <summary>POST /api/v1/rooms: the visitor's open room, started if there is none.</summary>
    public async Task<IResult> OpenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var session = await auth.AuthenticateAsync(BearerToken.From(request), cancellationToken);
        if (!session.IsSuccess) return session.Problem!.ToResult();
        var body = await JsonBody.ReadAsync(request, cancellationToken, emptyAs: new EmptyRequest());
        if (!body.IsSuccess) return body.Problem!.ToResult();
        var opened = await open.HandleAsync(session.Value!, cancellationToken);
        return opened.ToResult(r => TypedResults.Ok(r));
    }

    /// <summary>GET /api/v1/rooms/{roomId}/messages?afterSeq=N: the transcript after message N.</summary>
    public async Task<IResult> ReadMessagesAsync(HttpRequest request, string roomId, CancellationToken cancellationToken)
    {
        var session = await auth.AuthenticateAsync(BearerToken.From(request), cancellationToken);
        if (!session.IsSuccess) return session.Problem!.ToResult();
        long afterSeq = 0;
        var raw = request.Query["afterSeq"].ToString();
        if (raw.Length > 0 && !long.TryParse(raw, out afterSeq))
            return Core.Common.Problem.Invalid("afterSeq", "Must be a whole number.").ToResult();
        var read = await transcript.HandleAsync(session.Value!, roomId, afterSeq, cancellationToken);
        return read.ToResult(t => TypedResults.Ok(t));
    }

    /// <summary>POST /api/v1/rooms/{roomId}/messages: the visitor's text or button choice.</summary>
    public async Task<IResult> PostMessageAsync(HttpRequest request, string roomId, CancellationToken cancellationToken)
    {
        var session = await auth.AuthenticateAsync(BearerToken.From(request), cancellationToken);
        if (!session.IsSuccess) return session.Problem!.ToResult();
        var body = await JsonBody.ReadAsync<PostMessageRequest>(request, cancellationToken);
        if (!body.IsSuccess) return body.Problem!.ToResult();
        var posted = await post.HandleAsync(session.Value!, roomId, body.Value!, cancellationToken);
        return posted.ToResult(m => TypedResults.Accepted($"/api/v1/rooms/{roomId}/messages", new PostedMessage(m)));
    }

    /// <summary>POST /api/v1/rooms/{roomId}/close: closeWidget.</summary>
    public async Task<IResult> CloseAsync(HttpRequest request, string roomId, CancellationToken cancellationToken)
    {
        var session = await auth.AuthenticateAsync(BearerToken.From(request), cancellationToken);
        if (!session.IsSuccess) return session.Problem!.ToResult();
        var closed = await close.HandleAsync(session.Value!, roomId, cancellationToken);
        return closed.ToResult(c => TypedResults.Ok(c));
    }
}

public sealed record PostedMessage(ChatMessage Message);
