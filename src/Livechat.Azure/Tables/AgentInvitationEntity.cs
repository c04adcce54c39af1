using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>An agent invitation: PK = SHA-256 of its code (hex), RK = "". The code itself is never stored.</summary>
internal sealed class AgentInvitationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AgentId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The departments, comma-separated (department ids hold no commas).</summary>
    public string Departments { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RedeemedAt { get; set; }
}

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
