using Livechat.Core.Limits;

namespace Livechat.Core.Tests.Limits;

/// <summary>
/// The rate counters in memory, with ETags, as Table Storage keeps them. Every call yields first, so limiters on
/// parallel tasks interleave between a read and its save as they would over the network.
/// </summary>
internal sealed class InMemoryRateCounterStore : IRateCounterStore
{
    private readonly Dictionary<RateCounterKey, (int Count, int Version)> _rows = [];
    private readonly Lock _sync = new();

    public int Reads { get; private set; }
    public int Saves { get; private set; }
    public int LostSaves { get; private set; }

    /// <summary>Called before a save is checked: another instance writing first.</summary>
    public Action<RateCounter>? BeforeSave { get; set; }

    public IReadOnlyList<RateCounterKey> Keys { get { lock (_sync) return [.. _rows.Keys]; } }

    public int CountOf(RateCounterKey key) { lock (_sync) return _rows.TryGetValue(key, out var row) ? row.Count : 0; }

    public int CountOf(string limit) { lock (_sync) return _rows.Where(r => r.Key.Limit == limit).Sum(r => r.Value.Count); }

    public async Task<RateCounter?> GetAsync(RateCounterKey key, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_sync)
        {
            Reads++;
            return _rows.TryGetValue(key, out var row) ? new RateCounter(key, row.Count, row.Version.ToString()) : null;
        }
    }

    public async Task<bool> TrySaveAsync(RateCounter counter, CancellationToken cancellationToken)
    {
        await Task.Yield();
        BeforeSave?.Invoke(counter);
        lock (_sync)
        {
            var exists = _rows.TryGetValue(counter.Key, out var row);
            if (counter.ETag is null ? exists : !exists || row.Version.ToString() != counter.ETag)
            {
                LostSaves++;
                return false;
            }
            _rows[counter.Key] = (counter.Count, row.Version + 1);
            Saves++;
            return true;
        }
    }

    public Task<int> DeleteWindowsBeforeAsync(string limit, DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            var spent = _rows.Keys.Where(k => k.Limit == limit && k.WindowStart < before).Take(max).ToList();
            foreach (var key in spent) _rows.Remove(key);
            return Task.FromResult(spent.Count);
        }
    }

    /// <summary>Another writer's increment, as a save of its own.</summary>
    public void Add(RateCounterKey key, int count)
    {
        lock (_sync)
        {
            var row = _rows.GetValueOrDefault(key);
            _rows[key] = (row.Count + count, row.Version + 1);
        }
    }
}
