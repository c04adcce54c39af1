using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Sessions;

/// <summary>
/// Deletes sessions older than <see cref="SessionOptions.Retention"/>: their tokens expired long ago, so nobody can
/// use them, and without this a page that creates sessions in a loop (or every visit ever) would grow the table for
/// good. Rooms are not deleted here: an abandoned room is ended by the idle sweep and keeps its transcript.
/// </summary>
public sealed partial class SessionRetention(ISessionStore sessions, IOptions<SessionOptions> options, TimeProvider time, ILogger<SessionRetention> logger)
{
    /// <summary>Sessions one sweep deletes at most; the next sweep goes on where it stopped.</summary>
    public const int MaxPerSweep = 1000;

    /// <summary>Deletes a batch of expired sessions; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var deleted = await sessions.DeleteCreatedBeforeAsync(SessionIds.FirstOfDay(cutoff), MaxPerSweep, cancellationToken);
        if (deleted > 0) LogDeleted(deleted, options.Value.Retention);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} sessions older than {Retention}")]
    private partial void LogDeleted(int count, TimeSpan retention);
}
