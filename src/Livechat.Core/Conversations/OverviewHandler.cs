using System.Globalization;
using Livechat.Core.Common;
using Livechat.Core.Rooms;

namespace Livechat.Core.Conversations;

/// <summary>
/// The overview from the conversations index: one range read of the window's rows (a day is a partition), and a
/// read of each room the index says is waiting, so "waiting now" counts only rooms that still are.
/// </summary>
public sealed class OverviewHandler(IConversationIndex index, IRoomStore rooms, TimeProvider time)
{
    public const int DefaultDays = 14;
    public const int MaxDays = 90;

    public async Task<Outcome<Overview>> GetAsync(string? days, CancellationToken cancellationToken)
    {
        var count = DefaultDays;
        if (!string.IsNullOrEmpty(days) && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxDays))
            return Problem.Invalid("days", $"A whole number from 1 to {MaxDays}.");

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = new DateTimeOffset(today.AddDays(1 - count).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var filter = new ConversationFilter { From = from };
        var entries = new List<ConversationEntry>();
        await foreach (var entry in index.ScanAsync(filter, null, cancellationToken))
            if (filter.Matches(entry)) entries.Add(entry);

        var waiting = 0;
        foreach (var entry in entries.Where(e => e.Status == RoomStatus.Waiting))
            if ((await rooms.GetAsync(entry.RoomId, cancellationToken))?.Status == RoomStatus.Waiting) waiting++;
        return OverviewFigures.Compute(entries, today, count, waiting);
    }
}
