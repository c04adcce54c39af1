using Livechat.Api.Http;
using Livechat.Api.Sessions;
using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Rooms;

/// <summary>HTTP face of the room calls (openWidget, messages, closeWidget, transcript); both hosts route here.</summary>
public sealed class RoomsApi(
    VisitorCall call,
    OpenRoomHandler open,
    PostMessageHandler post,
    CloseRoomHandler close,
    ReadTranscriptHandler transcript,
    TypingHandler typing)
{
    /// <summary>POST /api/v1/rooms: the visitor's open room, started if there is none.</summary>
    public Task<IResult> OpenAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<OpenRoomRequest, RoomOpened>(request, (s, body) => open.HandleAsync(s, ClientAddress.KeyOf(request), body, cancellationToken), r => TypedResults.Ok(r), cancellationToken, new OpenRoomRequest(null));

    /// <summary>GET /api/v1/rooms/{roomId}/messages?afterSeq=N: the transcript after message N.</summary>
    public Task<IResult> ReadMessagesAsync(HttpRequest request, string roomId, CancellationToken cancellationToken)
    {
        long afterSeq = 0;
        var raw = request.Query["afterSeq"].ToString();
        return call.RunAsync(request, s => raw.Length > 0 && !long.TryParse(raw, out afterSeq)
                ? Task.FromResult<Outcome<Transcript>>(Problem.Invalid("afterSeq", "Must be a whole number."))
                : transcript.HandleAsync(s, roomId, afterSeq, cancellationToken),
            t => TypedResults.Ok(t), cancellationToken);
    }

    /// <summary>POST /api/v1/rooms/{roomId}/messages: the visitor's text or button choice.</summary>
    public Task<IResult> PostMessageAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<PostMessageRequest, ChatMessage>(request, (s, body) => post.HandleAsync(s, roomId, body, cancellationToken),
            m => TypedResults.Accepted($"/api/v1/rooms/{roomId}/messages", new PostedMessage(m)), cancellationToken);

    /// <summary>POST /api/v1/rooms/{roomId}/typing: the visitor is typing; the room's agent hears it.</summary>
    public Task<IResult> TypingAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<EmptyRequest, Typed>(request, (s, _) => typing.VisitorAsync(s, roomId, cancellationToken), _ => TypedResults.NoContent(),
            cancellationToken, new EmptyRequest());

    /// <summary>POST /api/v1/rooms/{roomId}/close: closeWidget.</summary>
    public Task<IResult> CloseAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync(request, s => close.HandleAsync(s, roomId, cancellationToken), c => TypedResults.Ok(c), cancellationToken);
}

public sealed record PostedMessage(ChatMessage Message);
