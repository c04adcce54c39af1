using Azure;
using Livechat.Core.Routing;

namespace Livechat.Azure.Tables;

/// <summary>
/// Agents' routing rows beside their activity rows (AgentActivity table, RK "routing"): reading an agent is one
/// partition query for its routing and seen rows; listing is one query for those two rows of every agent.
/// </summary>
public sealed class TableAgentRoutingStore(LivechatTables tables) : IAgentRoutingStore
{
    private static readonly string RowsFilter =
        $"(RowKey eq '{AgentRoutingEntity.RoutingRow}' or RowKey eq '{AgentActivityEntity.SeenRow}')";

    public async Task<AgentRouting> GetAsync(string agentId, CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{agentId.Replace("'", "''", StringComparison.Ordinal)}' and {RowsFilter}";
        var rows = new List<AgentRoutingEntity>();
        await foreach (var e in tables.AgentActivity.QueryAsync<AgentRoutingEntity>(filter, cancellationToken: cancellationToken)) rows.Add(e);
        return FromRows(agentId, rows);
    }

    public async Task<IReadOnlyList<AgentRouting>> ListAsync(CancellationToken cancellationToken)
    {
        var byAgent = new Dictionary<string, List<AgentRoutingEntity>>(StringComparer.Ordinal);
        await foreach (var e in tables.AgentActivity.QueryAsync<AgentRoutingEntity>(RowsFilter, cancellationToken: cancellationToken))
        {
            if (!byAgent.TryGetValue(e.PartitionKey, out var list)) byAgent[e.PartitionKey] = list = [];
            list.Add(e);
        }
        return byAgent.Select(a => FromRows(a.Key, a.Value)).ToList();
    }

    public async Task<AgentRouting?> TrySaveAsync(AgentRouting routing, CancellationToken cancellationToken)
    {
        var entity = new AgentRoutingEntity
        {
            PartitionKey = routing.AgentId,
            RowKey = AgentRoutingEntity.RoutingRow,
            Status = routing.Status?.ToString().ToLowerInvariant(),
            Capacity = routing.Capacity,
            RoomIds = routing.RoomIds.Count == 0 ? null : string.Join(' ', routing.RoomIds),
            LastAssignedAt = routing.LastAssignedAt,
        };
        string? etag;
        if (routing.ETag is null)
        {
            try
            {
                var response = await tables.AgentActivity.AddEntityAsync(entity, cancellationToken);
                etag = response.Headers.ETag?.ToString() ?? "";
            }
            catch (RequestFailedException e) when (e.Status == TableStatus.Conflict)
            {
                return null;
            }
        }
        else
        {
            entity.ETag = new ETag(routing.ETag);
            etag = await ConditionalReplace.TryAsync(tables.AgentActivity, entity, cancellationToken);
        }
        return etag is null ? null : routing with { ETag = etag };
    }

    private static AgentRouting FromRows(string agentId, IReadOnlyList<AgentRoutingEntity> rows)
    {
        var seen = rows.FirstOrDefault(r => r.RowKey == AgentActivityEntity.SeenRow)?.LastSeenAt;
        if (rows.FirstOrDefault(r => r.RowKey == AgentRoutingEntity.RoutingRow) is not { } row) return AgentRouting.New(agentId) with { LastSeenAt = seen };
        return new AgentRouting(
            agentId,
            Enum.TryParse<PresenceStatus>(row.Status, ignoreCase: true, out var status) ? status : null,
            row.Capacity,
            row.RoomIds?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            row.LastAssignedAt,
            seen,
            row.ETag.ToString());
    }
}
