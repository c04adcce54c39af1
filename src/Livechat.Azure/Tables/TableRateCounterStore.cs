using Azure;
using Azure.Data.Tables;
using Livechat.Core.Limits;

namespace Livechat.Azure.Tables;

/// <summary>Rate counters in Table Storage (see <see cref="RateCounterEntity"/>); every save is conditional.</summary>
public sealed class TableRateCounterStore(LivechatTables tables) : IRateCounterStore
{
    public async Task<RateCounter?> GetAsync(RateCounterKey key, CancellationToken cancellationToken)
    {
        var response = await tables.RateCounters.GetEntityIfExistsAsync<RateCounterEntity>(RateCounterEntity.PartitionFor(key), key.Client, cancellationToken: cancellationToken);
        return response.HasValue ? new RateCounter(key, response.Value!.Count, response.Value.ETag.ToString()) : null;
    }

    public async Task<bool> TrySaveAsync(RateCounter counter, CancellationToken cancellationToken)
    {
        var entity = RateCounterEntity.From(counter);
        try
        {
            if (counter.ETag is null) await tables.RateCounters.AddEntityAsync(entity, cancellationToken);
            else await tables.RateCounters.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is TableStatus.Conflict or TableStatus.PreconditionFailed or TableStatus.NotFound)
        {
            return false;
        }
    }

    public async Task<int> DeleteWindowsBeforeAsync(string limit, DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        // A limit's windows are one key range in time order: "{limit}-yyyyMMddHHmm".
        var from = limit + "-";
        var to = RateCounterEntity.PartitionFor(new RateCounterKey(limit, before, RateCounterKey.AllClients));
        var deleted = 0;
        var spent = tables.RateCounters.QueryAsync<RateCounterEntity>(
            e => e.PartitionKey.CompareTo(from) >= 0 && e.PartitionKey.CompareTo(to) < 0,
            maxPerPage: Math.Min(max, 1000), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        await foreach (var counter in spent)
        {
            await tables.RateCounters.DeleteEntityAsync(counter.PartitionKey, counter.RowKey, ETag.All, cancellationToken);
            if (++deleted >= max) break;
        }
        return deleted;
    }
}
