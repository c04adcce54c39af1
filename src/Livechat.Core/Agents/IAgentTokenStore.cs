namespace Livechat.Core.Agents;

/// <summary>The agent tokens in force, one record each; removing a record revokes its token.</summary>
public interface IAgentTokenStore
{
    Task AddAsync(AgentTokenRecord token, CancellationToken cancellationToken);

    Task<AgentTokenRecord?> GetAsync(string agentId, string tokenId, CancellationToken cancellationToken);

    /// <summary>Every stored token of the agent, expired ones included, oldest first.</summary>
    Task<IReadOnlyList<AgentTokenRecord>> ListAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Every stored token of every agent (the dashboard's agent list; one row per token in force).</summary>
    Task<IReadOnlyList<AgentTokenRecord>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Removes the record; one already gone is not an error.</summary>
    Task RemoveAsync(string agentId, string tokenId, CancellationToken cancellationToken);
}
