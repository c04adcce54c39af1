using Azure;
using Azure.Data.Tables;
using System.Text.Json;
using Livechat.Core.Common;
using Livechat.Core.Departments;

namespace Livechat.Azure.Tables;

/// <summary>
/// A department row: PK = department id, RK = "". A partition each, so the visitors' setDepartment reads spread
/// over partitions; listing scans a table that holds only departments.
/// </summary>
internal sealed class DepartmentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public bool Public { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary><see cref="Department.Hours"/> as JSON; null: always open.</summary>
    public string? Hours { get; set; }

    public static DepartmentEntity From(Department d) => new()
    {
        PartitionKey = d.Id, Name = d.Name, Public = d.Public, CreatedAt = d.CreatedAt, UpdatedAt = d.UpdatedAt,
        Hours = d.Hours is null ? null : JsonSerializer.Serialize(d.Hours, LivechatJson.Options),
    };

    public Department ToDepartment() => new(PartitionKey, Name, Public, CreatedAt, UpdatedAt)
    {
        Hours = Hours is null ? null : JsonSerializer.Deserialize<BusinessHours>(Hours, LivechatJson.Options),
    };
}
