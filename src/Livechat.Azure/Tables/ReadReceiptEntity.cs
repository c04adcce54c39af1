using Azure;
using Azure.Data.Tables;
using Livechat.Core.Rooms;

namespace Livechat.Azure.Tables;

/// <summary>
/// A side's read watermark, in the room's partition of the Rooms table: RK "read-visitor" or "read-agent". Its own row,
/// not a column of the room's: a read must not race the appends on the room's ETag (the one hot row by design).
/// </summary>
internal sealed class ReadReceiptEntity : ITableEntity
{
    public const string Prefix = "read-";
    /// <summary>The first key after every watermark key: '.' sorts right after '-'.</summary>
    public const string End = "read.";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Seq { get; set; }

    public static string KeyOf(Sender reader) => reader == Sender.Visitor ? Prefix + "visitor" : Prefix + "agent";
}
