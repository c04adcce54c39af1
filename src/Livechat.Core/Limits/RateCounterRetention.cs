using Microsoft.Extensions.Logging;

namespace Livechat.Core.Limits;

/// <summary>
/// Deletes the rate counters of windows that are over: they count nothing any more, and Table Storage keeps rows for
/// good, so without this every address that ever called would leave a row per window.
/// </summary>
public sealed partial class RateCounterRetention(IRateCounterStore counters, TimeProvider time, ILogger<RateCounterRetention> logger)
{
    /// <summary>Counters one sweep deletes at most per limit; the next sweep goes on.</summary>
    public const int MaxPerLimit = 1000;

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        // A window that started a longest window ago has ended; one more keeps a window ending this minute.
        var before = time.GetUtcNow() - 2 * ClientRateLimiter.LongestWindow;
        var deleted = 0;
        foreach (var limit in ClientRateLimiter.LimitNames)
            deleted += await counters.DeleteWindowsBeforeAsync(limit, before, MaxPerLimit, cancellationToken);
        if (deleted > 0) LogDeleted(deleted);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} rate counters of windows that are over")]
    private partial void LogDeleted(int count);
}
