using Azure;
using Azure.Data.Tables;
using Livechat.Core.Agents;

namespace Livechat.Azure.Tables;

/// <summary>Agents' last-seen times and held-room index rows in Table Storage, one partition per agent.</summary>
public sealed class TableAgentActivityStore(LivechatTables tables) : IAgentActivityStore
{
    public async Task SetLastSeenAsync(string agentId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await tables.AgentActivity.UpsertEntityAsync(
            new AgentActivityEntity { PartitionKey = agentId, RowKey = AgentActivityEntity.SeenRow, LastSeenAt = at }, TableUpdateMode.Replace, cancellationToken);

    public async Task AddHeldRoomAsync(string agentId, string roomId, CancellationToken cancellationToken) =>
        await tables.AgentActivity.UpsertEntityAsync(
            new AgentActivityEntity { PartitionKey = agentId, RowKey = AgentActivityEntity.RoomRowPrefix + roomId }, TableUpdateMode.Replace, cancellationToken);

    public async Task RemoveHeldRoomAsync(string agentId, string roomId, CancellationToken cancellationToken) =>
        await tables.AgentActivity.DeleteEntityAsync(agentId, AgentActivityEntity.RoomRowPrefix + roomId, ETag.All, cancellationToken);

    public async Task<IReadOnlyList<AgentActivity>> ListAsync(CancellationToken cancellationToken)
    {
        var byAgent = new Dictionary<string, (DateTimeOffset? Seen, List<string> Rooms)>(StringComparer.Ordinal);
        await foreach (var e in tables.AgentActivity.QueryAsync<AgentActivityEntity>(cancellationToken: cancellationToken))
        {
            if (!byAgent.TryGetValue(e.PartitionKey, out var agent)) byAgent[e.PartitionKey] = agent = (null, []);
            if (e.RowKey == AgentActivityEntity.SeenRow) byAgent[e.PartitionKey] = agent with { Seen = e.LastSeenAt };
            else if (e.RowKey.StartsWith(AgentActivityEntity.RoomRowPrefix, StringComparison.Ordinal)) agent.Rooms.Add(e.RowKey[AgentActivityEntity.RoomRowPrefix.Length..]);
        }
        return byAgent.Select(a => new AgentActivity(a.Key, a.Value.Seen, a.Value.Rooms)).ToList();
    }
}
