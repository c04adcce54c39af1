using Livechat.Core.Conversations;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Privacy;

/// <summary>
/// Purges the rooms that ended more than <see cref="RetentionOptions.EndedRoomDays"/> ago, found through the
/// conversations index (a room ended before the cutoff started before it too, so the scan starts there and goes back;
/// rows purged do not come up again). Each room's end is checked on the room itself, so a lagging index row never
/// purges a room that is still open or ended later. Leaves an audit record of the counts when it purged any.
/// </summary>
public sealed partial class RoomRetention(IConversationIndex index, IRoomStore rooms, PersonalDataEraser eraser, IAuditLog audit,
    IOptions<RetentionOptions> options, TimeProvider time, ILogger<RoomRetention> logger)
{
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.EndedRoomDays;
        if (days <= 0) return 0;
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(days);
        var due = new List<string>();
        await foreach (var entry in index.ScanAsync(new ConversationFilter { Status = RoomStatus.Ended, To = cutoff }, null, cancellationToken))
        {
            if (entry.Status != RoomStatus.Ended || entry.EndedAt is not { } endedAt || endedAt >= cutoff) continue;
            if (await rooms.GetAsync(entry.RoomId, cancellationToken) is { } room && (room.Status != RoomStatus.Ended || room.EndedAt is null || room.EndedAt >= cutoff))
                continue;
            due.Add(entry.RoomId);
            if (due.Count >= options.Value.MaxRoomsPerRun) break;
        }
        if (due.Count == 0) return 0;
        var counts = await eraser.EraseAsync(SubjectScope.OfRooms(due), cancellationToken);
        await audit.AppendAsync(new AuditRecord(Common.Ids.New("a"), now, "retention", AuditActions.Retention, null, counts), cancellationToken);
        LogPurged(due.Count, days);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} rooms ended more than {Days} days ago")]
    private partial void LogPurged(int count, double days);
}
