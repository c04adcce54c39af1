using System.Globalization;
using System.Text;
using Livechat.Core.Common;

namespace Livechat.Core.Conversations;

/// <summary>
/// Where a listing stopped: the last room it looked at. The index orders rooms newest first by start, then by room
/// id, so "after this one" is a key range and a page never repeats or skips a room however many are added meanwhile
/// (new rooms sort before the position). Clients get it as an opaque continuation token.
/// </summary>
public sealed record ConversationPosition(DateTimeOffset StartedAt, string RoomId)
{
    private const string Version = "c1";

    public string ToToken() =>
        Base64Url.Encode(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}.{StartedAt.UtcTicks}.{RoomId}")));

    /// <summary>The position a token names; null when it is not one of ours.</summary>
    public static ConversationPosition? FromToken(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.Decode(token)).Split('.', 3);
            if (parts.Length != 3 || parts[0] != Version) return null;
            if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return null;
            return Ids.IsSafe(parts[2]) ? new ConversationPosition(new DateTimeOffset(ticks, TimeSpan.Zero), parts[2]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="entry"/> comes after this position in the index's order (newest first).</summary>
    public bool IsBefore(ConversationEntry entry) =>
        entry.StartedAt < StartedAt || (entry.StartedAt == StartedAt && string.CompareOrdinal(entry.RoomId, RoomId) > 0);
}
