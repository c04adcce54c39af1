using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>
/// An agent ends a chat: the claiming agent its room, or any agent of the department a room still waiting in the
/// queue. The visitor and the room's agents hear chatEnded with reason <c>agent</c>; the orchestration stops.
/// </summary>
public sealed class AgentCloseRoomHandler(IRoomStore rooms, CloseRoomHandler closer, IAgentQueue queue, IRealtimePublisher realtime)
{
    public async Task<Outcome<RoomClosed>> HandleAsync(AgentIdentity agent, string roomId, CancellationToken cancellationToken)
    {
        var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
        if (!loaded.IsSuccess) return loaded.Problem!;
        var room = loaded.Value!;
        switch (room.Status)
        {
            case RoomStatus.Ended:
                return new RoomClosed(roomId, RoomStatus.Ended);
            case RoomStatus.Open:
                return Problem.Conflict("The room is with the bot, not with an agent.");
            case RoomStatus.Agent when room.AgentId != agent.AgentId:
                return AgentRoomAccess.NotYours();
        }

        var closed = await closer.CloseAsync(roomId, EndReasons.ClosedByAgent, cancellationToken);
        if (room.Status == RoomStatus.Waiting) await queue.RemoveAsync(room.Department!, roomId, cancellationToken);
        await realtime.RemoveUserFromGroupAsync(agent.RealtimeUserId, RealtimeGroups.Room(roomId), cancellationToken);
        return closed;
    }
}
