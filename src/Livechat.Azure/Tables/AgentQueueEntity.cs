using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>A queued room: PK = department, RK = room id.</summary>
internal sealed class AgentQueueEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? VisitorName { get; set; }
    public string? UserId { get; set; }
    public bool UserVerified { get; set; }
    public DateTimeOffset EnqueuedAt { get; set; }
}
