using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>The page the room's visitor is on, in the room's partition of the Rooms table: RK "page".</summary>
internal sealed class VisitorPageEntity : ITableEntity
{
    public const string Key = "page";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Key;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Url { get; set; } = "";
    public string? Title { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
