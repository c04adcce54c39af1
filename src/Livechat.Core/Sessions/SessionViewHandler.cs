using Livechat.Core.Rooms;
using Livechat.Core.Users;

namespace Livechat.Core.Sessions;

/// <summary>What the widget sees of its session, with the user's params and open room when logged in.</summary>
public sealed class SessionViewHandler(IUserStore users, OpenRoomLocator openRooms)
{
    public async Task<SessionView> HandleAsync(VisitorSession session, CancellationToken cancellationToken)
    {
        if (session.UserId is null) return SessionView.From(session) with { OpenRoomId = (await openRooms.FindAsync(session, cancellationToken))?.RoomId };
        var user = await users.GetAsync(session.UserId, cancellationToken);
        var open = await openRooms.FindAsync(session, cancellationToken);
        return SessionView.From(session) with { OpenRoomId = open?.RoomId, UserParams = user?.UserParams ?? session.UserParams };
    }
}
