namespace Livechat.Core.Limits;

/// <summary>
/// A total limit shared by every instance without a write per call: the instance leases a batch of the window's
/// allowance from the shared counter (one conditional write) and admits calls from it until it is spent. The counter
/// grows only by what was leased, so all instances together never admit more than the limit; what a lease has left
/// when its window ends lapses, so the total errs low, by at most a batch per instance.
/// </summary>
internal sealed class LeasedAllowance(SharedCounters counters, RateLimit limit)
{
    private readonly Lock _sync = new();
    // One lease at a time per instance: the calls that wait for it are admitted from it.
    private readonly SemaphoreSlim _leasing = new(1, 1);
    private DateTimeOffset _window;
    private int _left;
    private bool _spent;

    public RateLimit Limit => limit;

    /// <summary>A twentieth of the limit, between 1 and 10: small against the limit, a write per 10 calls at most.</summary>
    public int Batch => Math.Clamp(limit.Max / 20, 1, 10);

    /// <summary>This instance already knows the window's allowance is gone: refuse without asking the store.</summary>
    public bool IsSpent(DateTimeOffset now)
    {
        if (!limit.IsOn) return false;
        lock (_sync) return _window == limit.WindowOf(now) && _spent && _left == 0;
    }

    public async Task<bool> TryTakeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!limit.IsOn) return true;
        var window = limit.WindowOf(now);
        if (TrySpend(window, out _)) return true;
        await _leasing.WaitAsync(cancellationToken);
        try
        {
            // Another call may have leased while this one waited.
            if (TrySpend(window, out var current)) return true;
            lock (_sync)
                if (_spent) return false;
            var leased = await counters.TakeAsync(new RateCounterKey(limit.Name, current, RateCounterKey.AllClients), Batch, limit.Max, likelyNew: false, cancellationToken);
            lock (_sync)
            {
                // The window moved on while leasing: this call takes one unit of the old lease, the rest lapse with it.
                if (_window != current) return leased > 0;
                // Only a counter at the limit spends the window; a lost race refuses this call alone.
                _left += leased ?? 0;
                _spent = leased == 0;
            }
            return TrySpend(window, out _);
        }
        finally
        {
            _leasing.Release();
        }
    }

    /// <summary>Spends a unit of the current lease; <paramref name="current"/> is the window the lease is for.</summary>
    private bool TrySpend(DateTimeOffset window, out DateTimeOffset current)
    {
        lock (_sync)
        {
            // A new window starts with nothing leased; a call that read the clock just before it counts in the new one.
            if (window > _window) (_window, _left, _spent) = (window, 0, false);
            current = _window;
            if (_left == 0) return false;
            _left--;
            return true;
        }
    }
}
