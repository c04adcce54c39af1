namespace Livechat.Core.Limits;

/// <summary>Counters every instance reads and writes: what makes a limit hold across instances.</summary>
public interface IRateCounterStore
{
    /// <summary>The counter with its ETag; null when nothing was counted in its window yet.</summary>
    Task<RateCounter?> GetAsync(RateCounterKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the counter if nobody wrote it since it was read: inserts it when its ETag is null, otherwise replaces it
    /// under that ETag. False when another writer came first (it exists by then, or changed).
    /// </summary>
    Task<bool> TrySaveAsync(RateCounter counter, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> counters of <paramref name="limit"/> whose window started before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteWindowsBeforeAsync(string limit, DateTimeOffset before, int max, CancellationToken cancellationToken);
}
