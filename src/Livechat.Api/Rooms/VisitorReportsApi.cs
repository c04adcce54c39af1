using Livechat.Api.Http;
using Livechat.Core.Rooms.Pages;
using Livechat.Core.Rooms.Receipts;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Rooms;

/// <summary>HTTP face of what the widget reports about its visitor: how far they have read, and which page they are on.</summary>
public sealed class VisitorReportsApi(VisitorCall call, ReadReceiptHandler receipts, ReportPageHandler pages)
{
    /// <summary>POST /api/v1/rooms/{roomId}/read: the visitor has seen the room up to <c>seq</c>; the room's agent hears it.</summary>
    public Task<IResult> ReadAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<ReadRequest, ReadRecorded>(request, (s, body) => receipts.VisitorAsync(s, roomId, body, cancellationToken), r => TypedResults.Ok(r),
            cancellationToken);

    /// <summary>PUT /api/v1/rooms/{roomId}/page: the page the visitor is on, for the agent's visitor panel.</summary>
    public Task<IResult> PageAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<PageRequest, PageReported>(request, (s, body) => pages.HandleAsync(s, roomId, body, cancellationToken), r => TypedResults.Ok(r),
            cancellationToken);
}
