using Livechat.Core.Sessions;
using Livechat.Core.Users;

namespace Livechat.Core.Rooms;

/// <summary>
/// Finds the caller's open room: the user's when the session is logged in (so every device shares it), else
/// the session's own.
/// </summary>
public sealed class OpenRoomLocator(IUserStore users, IRoomStore rooms)
{
    public async Task<string?> PointerAsync(VisitorSession session, CancellationToken cancellationToken) =>
        session.UserId is null ? session.OpenRoomId : (await users.GetAsync(session.UserId, cancellationToken))?.OpenRoomId;

    /// <summary>The open (not ended) room, or null.</summary>
    public async Task<Room?> FindAsync(VisitorSession session, CancellationToken cancellationToken)
    {
        var roomId = await PointerAsync(session, cancellationToken);
        if (roomId is null) return null;
        var room = await rooms.GetAsync(roomId, cancellationToken);
        return room is { Status: not RoomStatus.Ended } && room.BelongsTo(session) ? room : null;
    }
}
