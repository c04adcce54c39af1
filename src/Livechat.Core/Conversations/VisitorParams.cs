using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;

namespace Livechat.Core.Conversations;

/// <summary>What the page told us about a room's visitor (setUserParams): on the user once there is one, else on the session.</summary>
public static class VisitorParams
{
    public static async Task<UserParams> ReadAsync(IUserStore users, ISessionStore sessions, Room room, CancellationToken cancellationToken)
    {
        if (room.UserId is not null && await users.GetAsync(room.UserId, cancellationToken) is { } user) return user.UserParams;
        return (await sessions.GetAsync(room.SessionId, cancellationToken))?.UserParams ?? UserParams.Empty;
    }
}
