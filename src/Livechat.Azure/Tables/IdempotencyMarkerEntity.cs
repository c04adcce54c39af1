using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>
/// Marks an idempotency key as used: PK = room id, RK = "key-" + key, pointing at the message it produced.
/// Inserted in the same transaction as the message, so a retry's insert fails instead of storing a copy.
/// </summary>
internal sealed class IdempotencyMarkerEntity : ITableEntity
{
    public const string Prefix = "key-";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Seq { get; set; }
}
