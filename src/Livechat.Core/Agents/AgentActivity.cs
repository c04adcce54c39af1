namespace Livechat.Core.Agents;

/// <summary>What the dashboard shows of an agent's activity: when its console was last heard from, and the rooms it claimed.</summary>
/// <param name="HeldRoomIds">An index only, written when the agent claims a room: the room's own status is the truth.</param>
public sealed record AgentActivity(string AgentId, DateTimeOffset? LastSeenAt, IReadOnlyList<string> HeldRoomIds);

/// <summary>One partition per agent: its last-seen time and an index row per room it claimed.</summary>
public interface IAgentActivityStore
{
    Task SetLastSeenAsync(string agentId, DateTimeOffset at, CancellationToken cancellationToken);

    Task AddHeldRoomAsync(string agentId, string roomId, CancellationToken cancellationToken);

    /// <summary>Removes the index row; one already gone is not an error.</summary>
    Task RemoveHeldRoomAsync(string agentId, string roomId, CancellationToken cancellationToken);

    /// <summary>Every agent's activity (a small table: agents times the chats each holds).</summary>
    Task<IReadOnlyList<AgentActivity>> ListAsync(CancellationToken cancellationToken);
}
