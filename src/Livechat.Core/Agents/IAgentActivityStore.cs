namespace Livechat.Core.Agents;

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
