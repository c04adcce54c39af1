using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;

namespace Livechat.Core.Sessions;

/// <summary>
/// logout: ends the open room and the session; the token stops working and the widget starts a fresh anonymous
/// session. Every tab hears logoutComplete.
/// </summary>
public sealed class LogoutHandler(SessionUpdater sessions, OpenRoomLocator openRooms, CloseRoomHandler closer, ChatEventPublisher events)
{
    public async Task<Outcome<LoggedOut>> HandleAsync(VisitorSession session, CancellationToken cancellationToken)
    {
        var open = await openRooms.FindAsync(session, cancellationToken);
        if (open is not null) await closer.CloseAsync(open.RoomId, EndReasons.Logout, cancellationToken);
        var ended = await sessions.UpdateAsync(session, s => s with { Ended = true, OpenRoomId = null }, cancellationToken);
        if (!ended.IsSuccess) return ended.Problem!;
        await events.PublishAsync(new ChatEvent.LoggedOut(session.VisitorId, session.UserId, open?.RoomId), cancellationToken);
        return new LoggedOut(open?.RoomId);
    }
}

/// <summary>The room logout ended, if one was open.</summary>
public sealed record LoggedOut(string? EndedRoomId);
