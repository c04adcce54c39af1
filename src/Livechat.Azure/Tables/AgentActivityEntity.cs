using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>An agent's activity: PK = agent id; RK = "seen" (with LastSeenAt) or "room-{roomId}" (a room it claimed).</summary>
internal sealed class AgentActivityEntity : ITableEntity
{
    public const string SeenRow = "seen";
    public const string RoomRowPrefix = "room-";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset? LastSeenAt { get; set; }
}
