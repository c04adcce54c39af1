using Azure;
using Azure.Data.Tables;
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

    public static DepartmentEntity From(Department d) => new()
    {
        PartitionKey = d.Id, Name = d.Name, Public = d.Public, CreatedAt = d.CreatedAt, UpdatedAt = d.UpdatedAt,
    };

    public Department ToDepartment() => new(PartitionKey, Name, Public, CreatedAt, UpdatedAt);
}
