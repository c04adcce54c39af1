using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>
/// An audit record: PK = "a" + (999999 - yyyyMM) of its UTC month, RK = (ticks from it to the end of time) + "_" +
/// its id: both shrink as time goes on, so the table's order is newest first.
/// </summary>
internal sealed class AuditLogEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? SubjectHash { get; set; }
    /// <summary>The counts as a JSON object.</summary>
    public string Counts { get; set; } = "{}";

    public static string PartitionFor(DateTimeOffset at) =>
        "a" + (999_999 - int.Parse(at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToString("D6", CultureInfo.InvariantCulture);

    public static string RowFor(DateTimeOffset at, string id) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + id;
}
