using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Agents;

/// <summary>
/// An agent takes a waiting room of one of its departments. The room's ETag decides between agents claiming at
/// once: one wins, the others get 409. The rest (leaving the queue, joining the room's group, "… joined the chat",
/// agentJoined) is idempotent, so the winner retrying a half-done claim finishes it.
/// </summary>
public sealed partial class ClaimRoomHandler(
    IRoomStore rooms,
    IAgentQueue queue,
    IRealtimePublisher realtime,
    ChatEventPublisher events,
    IAgentActivityStore activity,
    TimeProvider time,
    ILogger<ClaimRoomHandler> logger,
    Routing.ClaimBookkeeping? routing = null)
{
    public async Task<Outcome<RoomClaimed>> HandleAsync(AgentIdentity agent, string roomId, CancellationToken cancellationToken)
    {
        var taken = await OptimisticConcurrency.RunAsync<Room>("room", async _ =>
        {
            var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
            if (!loaded.IsSuccess) return loaded.Problem!;
            var room = loaded.Value!;
            if (room.Status == RoomStatus.Agent && room.AgentId != agent.AgentId) return Problem.Conflict("Another agent has claimed the room.");
            if (room.Status == RoomStatus.Agent) return room;
            if (room.Status != RoomStatus.Waiting) return Problem.Conflict("The room is not waiting for an agent.", $"Its status is {room.Status}.");
            if (await rooms.TryReplaceAsync(room with { Status = RoomStatus.Agent, AgentId = agent.AgentId }, cancellationToken) is { } saved) return saved;
            return null;
        });
        if (!taken.IsSuccess) return taken.Problem!;
        var claimed = taken.Value!;

        var department = claimed.Department!;
        await queue.RemoveAsync(department, roomId, cancellationToken);
        // The dashboard's count of the agent's chats; a retried claim writes it again.
        await activity.AddHeldRoomAsync(agent.AgentId, roomId, cancellationToken);
        // Joined first, so the agent's console hears its own "joined" line and everything after it; for as long as
        // the token works (a revocation of the agent's last token removes it sooner).
        await realtime.AddUserToGroupAsync(agent.RealtimeUserId, RealtimeGroups.Room(roomId), agent.ExpiresAt - time.GetUtcNow(), cancellationToken);

        var announced = await AgentJoining.AnnounceAsync(rooms, events, time, claimed, agent, $"agent-joined-{agent.AgentId}", cancellationToken);
        if (!announced.IsSuccess) return announced.Problem!;
        var joined = announced.Value!;
        await events.PublishAsync(new ChatEvent.Claimed(joined, department, agent.AgentId, agent.Name), cancellationToken);
        // After roomClaimed: the seat (for capacity) and the places of the visitors still waiting.
        if (routing is not null) await routing.ClaimedAsync(agent.AgentId, department, roomId, cancellationToken);
        LogClaimed(roomId, agent.AgentId, department);
        return new RoomClaimed(roomId, department, RoomStatus.Agent, agent.AgentId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} claimed by agent {AgentId} of {Department}")]
    private partial void LogClaimed(string roomId, string agentId, string department);
}
