using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Rooms;

/// <summary>
/// Ends rooms nobody writes in: a bot-held room after <see cref="RoomOptions.InactivityTimeout"/>, a room waiting for
/// or held by an agent after <see cref="RoomOptions.AgentInactivityTimeout"/>. Deciding this outside the room's
/// orchestration spares it a durable timer per turn (each one, even cancelled, fired later: a queue message and an
/// episode), and lets who holds the room decide which clock applies.
/// </summary>
public sealed partial class IdleRooms(
    IIdleRoomClocks clocks, IRoomStore rooms, RoomCloser closer, IRoomOrchestrations orchestrations,
    IOptions<RoomOptions> options, TimeProvider time, ILogger<IdleRooms> logger)
{
    /// <summary>Clocks one sweep handles at most; the rest wait for the next sweep.</summary>
    public const int MaxPerSweep = 500;

    /// <summary>How often a process makes sure the sweep runs (it restarts one that was stopped or failed).</summary>
    public static readonly TimeSpan EnsureEvery = TimeSpan.FromMinutes(10);

    private readonly RoomOptions _options = options.Value;
    private long _sweepEnsuredAt = long.MinValue;

    /// <summary>The wait between two sweeps.</summary>
    public TimeSpan SweepInterval => _options.IdleSweepInterval;

    /// <summary>
    /// Makes sure the app's idle sweep runs: called as rooms open, so the sweep starts with the first room and is
    /// back within <see cref="EnsureEvery"/> after anything stopped it; once in that time per process, a status read.
    /// </summary>
    public async Task EnsureSweepingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _sweepEnsuredAt);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < EnsureEvery) return;
        if (Interlocked.CompareExchange(ref _sweepEnsuredAt, now, last) != last) return;
        await orchestrations.EnsureIdleSweepAsync(cancellationToken);
    }

    /// <summary>Starts watching a new room. Derived from the room alone, so a retried start sets the same clock.</summary>
    public Task WatchAsync(Room room, CancellationToken cancellationToken)
    {
        var first = _options.AgentInactivityTimeout > TimeSpan.Zero && _options.AgentInactivityTimeout < _options.InactivityTimeout
            ? _options.AgentInactivityTimeout
            : _options.InactivityTimeout;
        return clocks.SetAsync(new IdleRoomClock(room.RoomId, room.CreatedAt + first), cancellationToken);
    }

    /// <summary>Looks at every room whose clock is due; returns how many it ended.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await clocks.DueAsync(now, MaxPerSweep, cancellationToken);
        var ended = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (clock, ct) =>
        {
            if (await LookAtAsync(clock, now, ct)) Interlocked.Increment(ref ended);
        });
        if (ended > 0) LogSwept(ended, due.Count);
        return ended;
    }

    /// <summary>The idle time after which this room ends, or null when it never does.</summary>
    public TimeSpan? TimeoutFor(Room room) => room.Status switch
    {
        RoomStatus.Open => _options.InactivityTimeout,
        RoomStatus.Waiting or RoomStatus.Agent when _options.AgentInactivityTimeout > TimeSpan.Zero => _options.AgentInactivityTimeout,
        _ => null,
    };

    private async Task<bool> LookAtAsync(IdleRoomClock clock, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(clock.RoomId, cancellationToken);
        if (room is null || TimeoutFor(room) is not { } timeout)
        {
            await clocks.RemoveAsync(clock, cancellationToken);
            return false;
        }

        var deadline = (room.LastWriteAt ?? room.CreatedAt) + timeout;
        if (deadline > now)
        {
            await clocks.SetAsync(clock with { Due = deadline }, cancellationToken);
            await clocks.RemoveAsync(clock, cancellationToken);
            return false;
        }

        // Only the room as read: a message that arrived since makes it busy again, and the next sweep looks again.
        if (await closer.CloseIfUnchangedAsync(room, EndReasons.Inactivity, cancellationToken) is null) return false;
        await orchestrations.SignalAsync(room.RoomId, RoomSignal.End(EndReasons.Inactivity), cancellationToken);
        await clocks.RemoveAsync(clock, cancellationToken);
        LogEnded(room.RoomId, room.Status, timeout);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} ended after {Timeout} of inactivity while {Status}")]
    private partial void LogEnded(string roomId, RoomStatus status, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle sweep ended {Ended} of {Due} rooms due")]
    private partial void LogSwept(int ended, int due);
}
