using Livechat.Core.Common;
using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>The one rule every agent call on a room starts with: the room exists and is in one of the agent's departments.</summary>
internal static class AgentRoomAccess
{
    public static async Task<Outcome<Room>> LoadAsync(IRoomStore rooms, AgentIdentity agent, string roomId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(roomId)) return Problem.NotFound("Room", "roomId");
        var room = await rooms.GetAsync(roomId, cancellationToken);
        if (room is null) return Problem.NotFound("Room", "roomId");
        if (!agent.Serves(room.Department)) return Problem.ForbiddenField("roomId", "The room is not in one of your departments.");
        return room;
    }

    public static Problem NotYours() => Problem.ForbiddenField("roomId", "Only the agent who claimed the room may do this.");
}
