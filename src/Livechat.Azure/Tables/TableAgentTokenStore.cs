using Azure;
using Livechat.Core.Agents;

namespace Livechat.Azure.Tables;

/// <summary>Agent token records in Table Storage, one partition per agent: listing an agent's tokens is one partition query.</summary>
public sealed class TableAgentTokenStore(LivechatTables tables) : IAgentTokenStore
{
    public async Task AddAsync(AgentTokenRecord token, CancellationToken cancellationToken) =>
        await tables.AgentTokens.AddEntityAsync(new AgentTokenEntity
        {
            PartitionKey = token.AgentId,
            RowKey = token.TokenId,
            Name = token.Name,
            Departments = string.Join(',', token.Departments),
            IssuedAt = token.IssuedAt,
            ExpiresAt = token.ExpiresAt,
        }, cancellationToken);

    public async Task<AgentTokenRecord?> GetAsync(string agentId, string tokenId, CancellationToken cancellationToken)
    {
        var found = await tables.AgentTokens.GetEntityIfExistsAsync<AgentTokenEntity>(agentId, tokenId, cancellationToken: cancellationToken);
        return found.HasValue ? ToRecord(found.Value!) : null;
    }

    public async Task<IReadOnlyList<AgentTokenRecord>> ListAsync(string agentId, CancellationToken cancellationToken)
    {
        var tokens = new List<AgentTokenRecord>();
        await foreach (var e in tables.AgentTokens.QueryAsync<AgentTokenEntity>(e => e.PartitionKey == agentId, cancellationToken: cancellationToken))
            tokens.Add(ToRecord(e));
        return tokens.OrderBy(t => t.IssuedAt).ToList();
    }

    public async Task<IReadOnlyList<AgentTokenRecord>> ListAllAsync(CancellationToken cancellationToken)
    {
        var tokens = new List<AgentTokenRecord>();
        await foreach (var e in tables.AgentTokens.QueryAsync<AgentTokenEntity>(cancellationToken: cancellationToken)) tokens.Add(ToRecord(e));
        return tokens;
    }

    public async Task RemoveAsync(string agentId, string tokenId, CancellationToken cancellationToken) =>
        await tables.AgentTokens.DeleteEntityAsync(agentId, tokenId, ETag.All, cancellationToken);

    private static AgentTokenRecord ToRecord(AgentTokenEntity e) =>
        new(e.PartitionKey, e.RowKey, e.Name, e.Departments.Split(',', StringSplitOptions.RemoveEmptyEntries), e.IssuedAt, e.ExpiresAt);
}
