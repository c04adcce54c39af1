namespace Livechat.Core.Routing;

/// <summary>The agents' routing rows (see <see cref="AgentRouting"/>), beside their last-seen times.</summary>
public interface IAgentRoutingStore
{
    /// <summary>The agent's row, or <see cref="AgentRouting.New"/> (no ETag) when it has none; with its last-seen time.</summary>
    Task<AgentRouting> GetAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Every agent's row that exists, with last-seen times.</summary>
    Task<IReadOnlyList<AgentRouting>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the row when it has no ETag, else replaces it under its ETag; the saved row (new ETag), or null when
    /// another writer came first.
    /// </summary>
    Task<AgentRouting?> TrySaveAsync(AgentRouting routing, CancellationToken cancellationToken);
}
