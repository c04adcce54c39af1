using Livechat.Core.Realtime;

namespace Livechat.Core.Rooms;

/// <summary>
/// Ends a room once, whoever asks (visitor, logout, bot, agent, inactivity), and tells every tab and agent.
/// </summary>
public sealed class RoomCloser(IRoomStore rooms, IRealtimePublisher realtime, TimeProvider time)
{
    /// <summary>Ends the room; returns the ended room, or null when it does not exist.</summary>
    public async Task<Room?> CloseAsync(string roomId, string reason, CancellationToken cancellationToken)
    {
        while (true)
        {
            var room = await rooms.GetAsync(roomId, cancellationToken);
            if (room is null) return null;
            if (room.Status == RoomStatus.Ended) return room;
            if (await CloseIfUnchangedAsync(room, reason, cancellationToken) is { } ended) return ended;
        }
    }

    /// <summary>Ends the room only as <paramref name="room"/> shows it; null when somebody wrote to it since.</summary>
    public async Task<Room?> CloseIfUnchangedAsync(Room room, string reason, CancellationToken cancellationToken)
    {
        var ended = await rooms.TryReplaceAsync(room with { Status = RoomStatus.Ended, EndReason = reason, EndedAt = time.GetUtcNow() }, cancellationToken);
        if (ended is null) return null;
        var payload = new RoomEndedEvent(room.RoomId, reason);
        await realtime.SendToUserAsync(ended.RealtimeUserId, RealtimeEvents.ChatEnded, payload, cancellationToken);
        await realtime.SendToGroupAsync(RealtimeGroups.Room(room.RoomId), RealtimeEvents.ChatEnded, payload, cancellationToken);
        return ended;
    }
}
