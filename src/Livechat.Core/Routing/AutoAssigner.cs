using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Routing;

/// <summary>
/// Gives a department's waiting rooms, oldest first, to its online agents with a free seat, round-robin. Two ETags
/// make it safe to run on several instances at once: the agent's routing row (the seat is reserved there first, so
/// no agent goes over its capacity) and the room's (the claim, so no room goes to two agents). A reservation whose
/// claim lost is given back.
/// </summary>
public sealed partial class AutoAssigner(
    AgentRoster roster,
    IAgentRoutingStore store,
    AgentSeats seats,
    IAgentQueue queue,
    IRoomStore rooms,
    ClaimRoomHandler claim,
    TimeProvider time,
    ILogger<AutoAssigner> logger)
{
    /// <summary>Rooms one call assigns at most; the next queue event carries on.</summary>
    public const int MaxPerCall = 50;

    /// <summary>Assigns what it can; returns how many rooms it assigned.</summary>
    public async Task<int> AssignAsync(string department, CancellationToken cancellationToken)
    {
        var assigned = 0;
        var lost = 0;
        var underWay = new HashSet<string>(StringComparer.Ordinal);
        while (assigned < MaxPerCall && lost < OptimisticConcurrency.Budget)
        {
            var roomId = await OldestWaitingAsync(department, underWay, cancellationToken);
            if (roomId is null) break;
            var pick = RoundRobin.Pick(await roster.ForDepartmentAsync(department, cancellationToken));
            if (pick is null) break;
            // Its seat is reserved already: another instance is giving the room to this agent right now.
            if (pick.Seats.Contains(roomId, StringComparer.Ordinal))
            {
                underWay.Add(roomId);
                continue;
            }

            var reserved = await store.TrySaveAsync(pick.Row with
            {
                RoomIds = [.. pick.Seats, roomId],
                LastAssignedAt = time.GetUtcNow(),
            }, cancellationToken);
            if (reserved is null)
            {
                lost++;
                continue;
            }
            var claimed = await claim.HandleAsync(pick.Identity, roomId, cancellationToken);
            if (claimed.IsSuccess)
            {
                assigned++;
                LogAssigned(roomId, pick.AgentId, department);
                continue;
            }
            // Another instance gave the room to somebody else (or it ended): the seat goes back.
            await seats.RemoveAsync(pick.AgentId, roomId, cancellationToken);
            lost++;
        }
        return assigned;
    }

    /// <summary>The queue's oldest entry whose room still waits there; stale entries are dropped on the way.</summary>
    private async Task<string?> OldestWaitingAsync(string department, HashSet<string> skip, CancellationToken cancellationToken)
    {
        foreach (var entry in await queue.ListWaitingAsync(department, cancellationToken))
        {
            if (skip.Contains(entry.RoomId)) continue;
            var room = await rooms.GetAsync(entry.RoomId, cancellationToken);
            if (room?.WaitsIn(department) == true) return entry.RoomId;
            await queue.RemoveAsync(department, entry.RoomId, cancellationToken);
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} assigned to agent {AgentId} of {Department}")]
    private partial void LogAssigned(string roomId, string agentId, string department);
}
