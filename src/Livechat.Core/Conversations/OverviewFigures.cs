using System.Globalization;
using Livechat.Core.Rooms;

namespace Livechat.Core.Conversations;

/// <summary>The overview's arithmetic, on index entries alone (see <see cref="Overview"/> for what each figure means).</summary>
public static class OverviewFigures
{
    /// <param name="entries">The rooms started in the window.</param>
    /// <param name="today">The window's last day (UTC).</param>
    /// <param name="waitingNow">How many of them wait now, as their rooms say.</param>
    public static Overview Compute(IReadOnlyCollection<ConversationEntry> entries, DateOnly today, int days, int waitingNow)
    {
        var first = today.AddDays(1 - days);
        var perDay = entries
            .GroupBy(e => DateOnly.FromDateTime(e.StartedAt.UtcDateTime))
            .ToDictionary(g => g.Key, g => g.Count());
        var chatsPerDay = Enumerable.Range(0, days)
            .Select(i => first.AddDays(i))
            .Select(d => new DayCount(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), perDay.GetValueOrDefault(d)))
            .ToList();
        var ended = entries.Where(e => e.Status == RoomStatus.Ended).ToList();
        var botFinished = ended.Count(e => !e.EverTransferred);
        var replyTimes = entries
            .Where(e => e.TransferredAt is not null && e.FirstAgentReplyAt is not null)
            .Select(e => Math.Max(0, (e.FirstAgentReplyAt!.Value - e.TransferredAt!.Value).TotalSeconds))
            .ToList();
        return new Overview(days, chatsPerDay, entries.Count, ended.Count, botFinished,
            ended.Count == 0 ? null : (double)botFinished / ended.Count,
            replyTimes.Count, Median(replyTimes), waitingNow);
    }

    /// <summary>The middle value; the mean of the two middle ones for an even count; null for none.</summary>
    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
