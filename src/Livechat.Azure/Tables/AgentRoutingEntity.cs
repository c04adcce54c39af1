using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>
/// An agent's routing row in the AgentActivity table: PK = agent id, RK = "routing". Read together with the agent's
/// "seen" row (same partition), whose LastSeenAt this class also maps.
/// </summary>
internal sealed class AgentRoutingEntity : ITableEntity
{
    public const string RoutingRow = "routing";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>"online", "away", "offline"; null until chosen.</summary>
    public string? Status { get; set; }
    public int? Capacity { get; set; }
    /// <summary>The seats' room ids, space-separated (room ids are safe ids: no spaces).</summary>
    public string? RoomIds { get; set; }
    public DateTimeOffset? LastAssignedAt { get; set; }
    /// <summary>Only on the "seen" row.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }
}
