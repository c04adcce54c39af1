using Livechat.Api.Http;
using Livechat.Core.Csat;
using Livechat.Core.Offline;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Rooms;

/// <summary>HTTP face of what the visitor leaves when no chat or a finished one: the offline form and the CSAT rating, both with the visitor's session token.</summary>
public sealed class VisitorFeedbackApi(VisitorCall call, OfflineMessageHandler offline, CsatHandler csat)
{
    /// <summary>POST /api/v1/rooms/{roomId}/offline-message: name, e-mail and message, stored as the room.</summary>
    public Task<IResult> OfflineMessageAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<OfflineMessageRequest, OfflineMessageLeft>(request, (s, body) => offline.HandleAsync(s, roomId, body, cancellationToken),
            l => TypedResults.Created($"/api/v1/rooms/{roomId}/messages", l), cancellationToken);

    /// <summary>POST /api/v1/rooms/{roomId}/csat: the visitor's 1-5 rating of the chat, once.</summary>
    public Task<IResult> CsatAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<CsatRequest, CsatRecorded>(request, (s, body) => csat.HandleAsync(s, roomId, body, cancellationToken),
            r => TypedResults.Created($"/api/v1/rooms/{roomId}/csat", r), cancellationToken);
}
