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
