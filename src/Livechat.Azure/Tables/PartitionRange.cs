using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>
/// Deletes the rows whose partition key lies in [from, to): the expiring tables name their partitions so that what
/// is old is one key range (sessions by the day they were made, rate counters by their window).
/// </summary>
internal static class PartitionRange
{
    /// <summary>Deletes up to <paramref name="max"/> rows of the range, reading their keys alone; returns how many.</summary>
    public static async Task<int> DeleteAsync(TableClient table, string from, string to, int max, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var rows = table.QueryAsync<TableEntity>(
            e => e.PartitionKey.CompareTo(from) >= 0 && e.PartitionKey.CompareTo(to) < 0,
            maxPerPage: Math.Min(max, 1000), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            if (++deleted >= max) break;
        }
        return deleted;
    }
}
