using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Routing;

/// <summary>
/// The calls the rest of the app makes into routing: a room was queued, a room ended, an agent has room for more.
/// Each one is best effort after the change that caused it is stored: a failure here is logged, not the caller's
/// failure, and the next event (another room, another close, the agent choosing online again) carries on.
/// </summary>
public sealed partial class RoomRouting(AutoAssigner assigner, QueuePositions positions, AgentSeats seats, AgentRoster roster, ILogger<RoomRouting> logger)
{
    /// <summary>A room joined the department's queue: give it (and whatever waits) to free agents, tell the rest their place.</summary>
    public Task QueuedAsync(string department, CancellationToken cancellationToken) =>
        BestEffortAsync(department, () => OfferAsync(department, cancellationToken));

    /// <summary>A room ended, as it was before: an agent's seat frees (and goes to the next in the queue), or the queue moves up.</summary>
    public Task EndedAsync(Room before, CancellationToken cancellationToken) =>
        BestEffortAsync(before.RoomId, async () =>
        {
            if (before.AgentId is { } agentId)
            {
                await seats.RemoveAsync(agentId, before.RoomId, cancellationToken);
                await AgentFreeCoreAsync(agentId, cancellationToken);
            }
            else if (before is { Status: RoomStatus.Waiting, Department: { } department })
            {
                await positions.PublishAsync(department, cancellationToken);
            }
        });

    /// <summary>
    /// An agent let a room go while it went on (handed to <paramref name="toAgentId"/>, or back to a department's queue
    /// when null): the seat moves with the room. Handed to an agent, the freed agent takes the next waiting chat; back
    /// in a queue, not now: the freed seat would be offered the very room its agent just let go.
    /// </summary>
    public Task ReleasedAsync(string fromAgentId, string roomId, string? toAgentId, CancellationToken cancellationToken) =>
        BestEffortAsync(roomId, async () =>
        {
            await seats.RemoveAsync(fromAgentId, roomId, cancellationToken);
            if (toAgentId is null) return;
            await seats.AddAsync(toAgentId, roomId, cancellationToken);
            await AgentFreeCoreAsync(fromAgentId, cancellationToken);
        });

    /// <summary>The agent came online or got more capacity: each of its departments' queues is offered to it (and the others).</summary>
    public Task AgentFreeAsync(string agentId, CancellationToken cancellationToken) =>
        BestEffortAsync(agentId, () => AgentFreeCoreAsync(agentId, cancellationToken));

    private async Task AgentFreeCoreAsync(string agentId, CancellationToken cancellationToken)
    {
        var agent = await roster.AgentAsync(agentId, cancellationToken);
        foreach (var department in agent?.Identity.Departments ?? []) await OfferAsync(department, cancellationToken);
    }

    /// <summary>The department's waiting rooms to its free agents; when none went, the queue did not move for the claims to tell, so tell it here.</summary>
    private async Task OfferAsync(string department, CancellationToken cancellationToken)
    {
        if (await assigner.AssignAsync(department, cancellationToken) == 0) await positions.PublishAsync(department, cancellationToken);
    }

    private Task BestEffortAsync(string subject, Func<Task> work) => BestEffort.RunAsync(work, e => LogFailed(e, subject));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing after a change of {Subject} failed; the next queue event retries")]
    private partial void LogFailed(Exception exception, string subject);
}
