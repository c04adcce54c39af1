namespace Livechat.Core.Routing;

/// <summary>What a claim (manual or assigned) changes for routing: the agent's seat, and the places of those still waiting.</summary>
public sealed class ClaimBookkeeping(AgentSeats seats, QueuePositions positions)
{
    public async Task ClaimedAsync(string agentId, string department, string roomId, CancellationToken cancellationToken)
    {
        await seats.AddAsync(agentId, roomId, cancellationToken);
        await positions.PublishAsync(department, cancellationToken);
    }
}
