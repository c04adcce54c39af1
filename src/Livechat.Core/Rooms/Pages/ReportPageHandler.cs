using Livechat.Core.Common;
using Livechat.Core.Sessions;

namespace Livechat.Core.Rooms.Pages;

/// <summary>
/// The widget tells which page the visitor is on, when the chat opens and on each navigation, for the agent's visitor
/// panel. One room is stored at most once per <see cref="Interval"/> on an instance: a page that rewrites its address
/// on every scroll costs no more than that.
/// </summary>
public sealed class ReportPageHandler(RoomSnapshots snapshots, IVisitorPageStore pages, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public const int MaxUrlLength = 2048;
    public const int MaxTitleLength = 200;

    private readonly OncePerInterval _gate = new(Interval, time, RoomSnapshots.Capacity);

    public async Task<Outcome<PageReported>> HandleAsync(VisitorSession session, string roomId, PageRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(roomId)) return Problem.NotFound("Room", "roomId");
        if (request.Url is not { Length: > 0 and <= MaxUrlLength } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return Problem.Invalid("url", $"Required: an absolute http or https address of at most {MaxUrlLength} characters.");
        var title = request.Title?.Trim();
        if (title is { Length: > MaxTitleLength } || (title is not null && title.Any(char.IsControl)))
            return Problem.Invalid("title", $"At most {MaxTitleLength} characters, no control characters.");

        var room = await snapshots.GetAsync(roomId, cancellationToken);
        if (room is not null && !room.BelongsTo(session)) room = await snapshots.ReadAsync(roomId, cancellationToken);
        if (room is null || !room.BelongsTo(session)) return Problem.NotFound("Room", "roomId");
        if (room.Status == RoomStatus.Ended) return Problem.Conflict("The room has ended.");
        if (!_gate.TryPass(roomId)) return new PageReported(Throttled: true);
        await pages.SaveAsync(roomId, new VisitorPage(uri.ToString(), string.IsNullOrEmpty(title) ? null : title, time.GetUtcNow()), cancellationToken);
        return new PageReported(Throttled: false);
    }

    public void Dispose() => _gate.Dispose();
}
