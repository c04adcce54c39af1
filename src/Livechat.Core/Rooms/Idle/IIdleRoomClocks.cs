namespace Livechat.Core.Rooms;

/// <summary>
/// When each room is next looked at for inactivity. A clock is a lower bound, not the deadline itself: the sweep reads
/// the room's last write and moves the clock on, so a busy chat costs no write per message.
/// </summary>
public interface IIdleRoomClocks
{
    /// <summary>Sets the room's clock; setting the same clock twice stores it once.</summary>
    Task SetAsync(IdleRoomClock clock, CancellationToken cancellationToken);

    /// <summary>Clocks due at <paramref name="now"/>, earliest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<IdleRoomClock>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Removes a clock; one already gone is not an error.</summary>
    Task RemoveAsync(IdleRoomClock clock, CancellationToken cancellationToken);
}

/// <summary>Look at <see cref="RoomId"/> for inactivity at <see cref="Due"/>.</summary>
public sealed record IdleRoomClock(string RoomId, DateTimeOffset Due);
