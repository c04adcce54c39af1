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

    public Task<bool> TrySaveAsync(RateCounter counter, CancellationToken cancellationToken) =>
        ConditionalReplace.TryInsertOrReplaceAsync(tables.RateCounters, RateCounterEntity.From(counter), cancellationToken);

    // A limit's windows are one key range in time order: "{limit}-yyyyMMddHHmm".
    public Task<int> DeleteWindowsBeforeAsync(string limit, DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        PartitionRange.DeleteAsync(tables.RateCounters, limit + "-",
            RateCounterEntity.PartitionFor(new RateCounterKey(limit, before, RateCounterKey.AllClients)), max, cancellationToken);
}
