using Livechat.Core.Common;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Routing;

/// <summary>
/// What a claim (manual or assigned) changes for routing: the agent's seat, and the places of those still waiting.
/// Best effort after the claim is stored: a failure is logged, never the claim's (the seat still counts from the room).
/// </summary>
public sealed partial class ClaimBookkeeping(AgentSeats seats, QueuePositions positions, ILogger<ClaimBookkeeping> logger)
{
    public Task ClaimedAsync(string agentId, string department, string roomId, CancellationToken cancellationToken) =>
        BestEffort.RunAsync(async () =>
        {
            await seats.AddAsync(agentId, roomId, cancellationToken);
            await positions.PublishAsync(department, cancellationToken);
        }, e => LogFailed(e, roomId, agentId));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing after room {RoomId} was claimed by {AgentId} failed; the next queue event retries")]
    private partial void LogFailed(Exception exception, string roomId, string agentId);
}
