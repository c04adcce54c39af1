using Azure;
using Azure.Data.Tables;
using Livechat.Core.Limits;
using System.Globalization;

namespace Livechat.Azure.Tables;

/// <summary>
/// A limit's counter: PK = limit name + "-" + window start (UTC, "yyyyMMddHHmm"), RK = the address's pseudonym, or
/// "all" for a total. A window's counters are one partition: a new partition every window spreads the load, and an
/// old window goes as a whole.
/// </summary>
internal sealed class RateCounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Count { get; set; }

    public static string PartitionFor(RateCounterKey key) =>
        key.Limit + "-" + key.WindowStart.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    public static RateCounterEntity From(RateCounter counter) => new()
    {
        PartitionKey = PartitionFor(counter.Key),
        RowKey = counter.Key.Client,
        Count = counter.Count,
        ETag = counter.ETag is { } etag ? new ETag(etag) : default,
    };
}
