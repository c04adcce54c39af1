using Livechat.Core.Common;
using Livechat.Core.Conversations;
using Livechat.Core.CustomFields;
using Livechat.Core.Rooms;
using Livechat.Core.Rooms.Pages;
using Livechat.Core.Sessions;
using Livechat.Core.Users;

namespace Livechat.Core.Agents;

/// <summary>An agent of the room's department reads who its visitor is (<see cref="VisitorProfile"/>).</summary>
public sealed class VisitorProfileHandler(IRoomStore rooms, IUserStore users, ISessionStore sessions, ICustomFieldStore fields, IVisitorPageStore pages)
{
    public async Task<Outcome<VisitorProfile>> HandleAsync(AgentIdentity agent, string roomId, CancellationToken cancellationToken)
    {
        var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
        if (!loaded.IsSuccess) return loaded.Problem!;
        var room = loaded.Value!;
        var userOwner = room.UserId is null ? FieldOwner.Visitor(room.VisitorId) : FieldOwner.User(room.UserId);
        var parameters = VisitorParams.ReadAsync(users, sessions, room, cancellationToken);
        var userFields = fields.ListAsync(userOwner, cancellationToken);
        var roomFields = fields.ListAsync(FieldOwner.Room(roomId), cancellationToken);
        var page = pages.GetAsync(roomId, cancellationToken);
        return new VisitorProfile(roomId, RoomVisitor.Of(room), await parameters,
            (await userFields).OrderBy(f => f.Key, StringComparer.Ordinal).ToList(),
            (await roomFields).OrderBy(f => f.Key, StringComparer.Ordinal).ToList(),
            await page);
    }
}
