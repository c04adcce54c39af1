using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Routing;

/// <summary>
/// An agent went offline: each of its rooms it has not answered yet (no message of its own in the transcript) goes
/// back to its department's queue, near the front (queued as of the room's start), and to the next free agent. A room
/// the agent already talks in stays: taking it away would cut a conversation mid-way.
/// </summary>
public sealed partial class RoomReoffer(
    IAgentRoutingStore store,
    IRoomStore rooms,
    IAgentQueue queue,
    IRealtimePublisher realtime,
    ChatEventPublisher events,
    AgentSeats seats,
    RoomRouting routing,
    TimeProvider time,
    ILogger<RoomReoffer> logger)
{
    /// <summary>The rooms offered again.</summary>
    public async Task<IReadOnlyList<string>> ReofferAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        var offered = new List<string>();
        foreach (var roomId in (await store.GetAsync(agent.AgentId, cancellationToken)).RoomIds)
        {
            var moved = await OptimisticConcurrency.RunAsync<Room?>("room", async _ =>
            {
                var room = await rooms.GetAsync(roomId, cancellationToken);
                if (room is not { Status: RoomStatus.Agent } || room.AgentId != agent.AgentId) return Outcome<Room?>.Ok(null);
                if (await AnsweredAsync(room, agent.AgentId, cancellationToken)) return Outcome<Room?>.Ok(null);
                if (await rooms.TryReplaceAsync(room with { Status = RoomStatus.Waiting, AgentId = null }, cancellationToken) is { } saved) return Outcome<Room?>.Ok(saved);
                return null;
            });
            if (moved is not { IsSuccess: true, Value: { Department: { } department } waiting }) continue;

            await queue.EnqueueAsync(waiting, null, waiting.CreatedAt, cancellationToken);
            await seats.RemoveAsync(agent.AgentId, roomId, cancellationToken);
            await realtime.RemoveUserFromGroupAsync(agent.RealtimeUserId, RealtimeGroups.Room(roomId), cancellationToken);
            var outcome = await rooms.AppendAsync(waiting, new NewMessage(Sender.System, Languages.SystemLines.For(waiting.Language).Reoffered, $"reoffer-{roomId}-{agent.AgentId}-{waiting.NextSeq}"),
                time.GetUtcNow(), cancellationToken);
            var current = outcome.Status == AppendStatus.Appended ? outcome.Result.Room ?? waiting : waiting;
            if (outcome.Status == AppendStatus.Appended) await events.PublishAsync(new ChatEvent.MessageAdded(current, outcome.Result.Message), cancellationToken);
            await events.PublishAsync(new ChatEvent.Queued(current, department, null), cancellationToken);
            LogReoffered(roomId, agent.AgentId, department);
            offered.Add(roomId);
            await routing.QueuedAsync(department, cancellationToken);
        }
        return offered;
    }

    private async Task<bool> AnsweredAsync(Room room, string agentId, CancellationToken cancellationToken) =>
        (await rooms.ReadMessagesAsync(room.RoomId, 0, 1000, cancellationToken)).Any(m => m.Sender == Sender.Agent && m.AgentId == agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} offered again: agent {AgentId} of {Department} went offline before answering")]
    private partial void LogReoffered(string roomId, string agentId, string department);
}
