using Livechat.Core.Common;

namespace Livechat.Core.Limits;

/// <summary>
/// Takes from counters shared by every instance: read, add what is left under the limit, save under the ETag, all
/// through the app's one optimistic-concurrency loop. A counter only grows by what a save that won added, so what all
/// instances were granted together is exactly what the counter holds, and never more than the limit.
/// </summary>
public sealed class SharedCounters(IRateCounterStore store, TimeProvider time)
{
    /// <param name="want">How much to take: 1 for a call, a batch for a lease.</param>
    /// <param name="likelyNew">The counter probably does not exist yet (an address's first call in a window): the
    /// first attempt inserts without reading, and a read follows only when it existed after all.</param>
    /// <returns>
    /// How much was taken, at most <paramref name="want"/>, and 0 when the counter is at <paramref name="max"/>; null
    /// when the counter lost <see cref="OptimisticConcurrency.Budget"/> races in a row (a counter that hot is refused,
    /// not queued on), so nothing is known about what is left.
    /// </returns>
    public async Task<int?> TakeAsync(RateCounterKey key, int want, int max, bool likelyNew, CancellationToken cancellationToken)
    {
        var taken = await OptimisticConcurrency.RunAsync<int>("rate counter", async attempt =>
        {
            // Writers that lost a race to one row would keep colliding in step: a random pause, doubling up to 256 ms,
            // spreads them out (eight writers on one Azurite row lost about one take in thirteen to the budget without
            // it, and two in 640 on a loaded machine with pauses of at most 32 ms).
            if (attempt > 0) await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1 << Math.Min(attempt + 1, 8))), time, cancellationToken);
            var current = attempt == 0 && likelyNew ? null : await store.GetAsync(key, cancellationToken);
            var count = current?.Count ?? 0;
            var granted = Math.Min(want, max - count);
            if (granted <= 0) return Outcome<int>.Ok(0);
            return await store.TrySaveAsync(new RateCounter(key, count + granted, current?.ETag), cancellationToken) ? granted : null;
        });
        return taken.IsSuccess ? taken.Value : null;
    }
}
