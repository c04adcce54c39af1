using Microsoft.Extensions.Caching.Memory;

namespace Livechat.Core.Common;

/// <summary>
/// Lets an action through at most once per <c>interval</c> for each key, on this instance: the throttle of writes and
/// sends that may be skipped when they come too soon. Keys are held for one interval, at most <c>capacity</c> of them.
/// </summary>
public sealed class OncePerInterval(TimeSpan interval, TimeProvider time, int capacity = 10_000) : IDisposable
{
    private readonly MemoryCache _lastPassed = new(new MemoryCacheOptions { SizeLimit = capacity });

    /// <summary>True, noting now, when <paramref name="key"/> did not pass within the interval; false otherwise.</summary>
    public bool TryPass(string key)
    {
        var now = time.GetUtcNow();
        if (_lastPassed.TryGetValue(key, out DateTimeOffset last) && now - last < interval) return false;
        _lastPassed.Set(key, now, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = interval });
        return true;
    }

    public void Dispose() => _lastPassed.Dispose();
}
