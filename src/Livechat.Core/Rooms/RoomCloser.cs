using Livechat.Core.Common;
using Livechat.Core.Realtime;

namespace Livechat.Core.Rooms;

/// <summary>
/// Ends a room once, whoever asks (visitor, logout, bot, agent, inactivity), and tells every tab and agent.
/// </summary>
public sealed class RoomCloser(IRoomStore rooms, ChatEventPublisher events, TimeProvider time, Routing.RoomRouting? routing = null)
{
    /// <summary>Ends the room; returns the ended room, or null when it does not exist.</summary>
    public async Task<Room?> CloseAsync(string roomId, string reason, CancellationToken cancellationToken)
    {
        var closed = await OptimisticConcurrency.RunAsync<Room?>("room", async _ =>
        {
            var room = await rooms.GetAsync(roomId, cancellationToken);
            if (room is null || room.Status == RoomStatus.Ended) return Outcome<Room?>.Ok(room);
            if (await CloseIfUnchangedAsync(room, reason, cancellationToken) is { } ended) return Outcome<Room?>.Ok(ended);
            return null;
        });
        // A room written to this often is in use: it ends on a later close (the visitor's, the agent's, the sweep's).
        return closed.IsSuccess ? closed.Value : throw new InvalidOperationException(closed.Problem!.Title);
    }

    /// <summary>Ends the room only as <paramref name="room"/> shows it; null when somebody wrote to it since.</summary>
    public async Task<Room?> CloseIfUnchangedAsync(Room room, string reason, CancellationToken cancellationToken)
    {
        var ended = await rooms.TryReplaceAsync(room with { Status = RoomStatus.Ended, EndReason = reason, EndedAt = time.GetUtcNow() }, cancellationToken);
        if (ended is null) return null;
        await events.PublishAsync(new ChatEvent.Ended(room with { RealtimeUserId = ended.RealtimeUserId }, reason), cancellationToken);
        // An agent's seat frees (the next waiting room goes to it), or a waiting visitor left and those behind move up.
        if (routing is not null) await routing.EndedAsync(room, cancellationToken);
        return ended;
    }
}
