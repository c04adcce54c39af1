using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>
/// An idle clock: PK = the UTC minute it is due ("yyyyMMddHHmm"), RK = due ticks (19 digits) + "_" + room id. Keys
/// sort by time, so the clocks due are one range query from the table's start, and the table holds only rooms
/// still open.
/// </summary>
internal sealed class IdleRoomClockEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string RoomId { get; set; } = "";
    public DateTimeOffset Due { get; set; }

    public static string PartitionFor(DateTimeOffset due) => due.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);

    public static string RowFor(DateTimeOffset due, string roomId) => $"{due.UtcTicks:D19}_{roomId}";
}
