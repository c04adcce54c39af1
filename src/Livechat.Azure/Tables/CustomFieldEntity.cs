using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>A custom field row: PK = owner key (u-, v-, r- or s- prefixed id), RK = field key.</summary>
internal sealed class CustomFieldEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Value { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary><see cref="Core.CustomFields.FieldSource"/>; missing on rows written before it existed: the page.</summary>
    public string? Source { get; set; }
}
