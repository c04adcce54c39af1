using Azure;
using Azure.Data.Tables;
using Livechat.Core.CannedResponses;

namespace Livechat.Azure.Tables;

/// <summary>A canned response: PK = department id, RK = shortcut, so a department's list is one partition in shortcut order.</summary>
internal sealed class CannedResponseEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Text { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public static CannedResponseEntity From(CannedResponse r) => new() { PartitionKey = r.Department, RowKey = r.Shortcut, Text = r.Text, UpdatedAt = r.UpdatedAt };

    public CannedResponse ToResponse() => new(PartitionKey, RowKey, Text, UpdatedAt);
}
