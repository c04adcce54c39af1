using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>An agent token in force: PK = agent id, RK = token id. The token itself is never stored.</summary>
internal sealed class AgentTokenEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    /// <summary>The departments, comma-separated (department ids hold no commas).</summary>
    public string Departments { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
