using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;

namespace Livechat.Core.Sessions;

/// <summary>
/// logout: ends the open room and the session; the token stops working and the widget starts a fresh anonymous
/// session. Every tab hears logoutComplete.
/// </summary>
public sealed class LogoutHandler(SessionUpdater sessions, OpenRoomLocator openRooms, CloseRoomHandler closer, IRealtimePublisher realtime)
{
    public async Task<Outcome<LoggedOut>> HandleAsync(VisitorSession session, CancellationToken cancellationToken)
    {
        var open = await openRooms.FindAsync(session, cancellationToken);
        if (open is not null) await closer.CloseAsync(open.RoomId, EndReasons.Logout, cancellationToken);
        var ended = await sessions.UpdateAsync(session, s => s with { Ended = true, OpenRoomId = null }, cancellationToken);
        if (!ended.IsSuccess) return ended.Problem!;
        // Both identities: tabs still connected as the anonymous visitor hear it as well as the user's devices.
        var done = new LoggedOut(open?.RoomId);
        await realtime.SendToUserAsync(RealtimeUsers.ForVisitor(session.VisitorId), RealtimeEvents.LogoutComplete, done, cancellationToken);
        if (session.UserId is not null)
            await realtime.SendToUserAsync(RealtimeUsers.ForUser(session.UserId), RealtimeEvents.LogoutComplete, done, cancellationToken);
        return done;
    }
}

/// <summary>The room logout ended, if one was open.</summary>
public sealed record LoggedOut(string? EndedRoomId);
