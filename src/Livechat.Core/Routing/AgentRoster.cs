using Livechat.Core.Agents;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Routing;

/// <summary>
/// The agents of a department as routing sees them. Membership comes from the agents' tokens in force (what the
/// agent may take), presence and capacity from the routing rows. A seat counts while its room is with the agent, or
/// still waiting (a seat reserved by an assignment under way); a room that ended or went to somebody else frees it.
/// </summary>
public sealed class AgentRoster(IAgentTokenStore tokens, IAgentRoutingStore store, IRoomStore rooms, IOptions<RoutingOptions> options, TimeProvider time)
{
    /// <summary>The department's agents and their presence, reading no room: who could answer, and how many are online.</summary>
    public async Task<IReadOnlyList<DepartmentAgent>> PresenceAsync(string department, CancellationToken cancellationToken)
    {
        var identities = (await IdentitiesAsync(cancellationToken)).Where(a => a.Serves(department)).ToList();
        if (identities.Count == 0) return [];
        var rows = (await store.ListAsync(cancellationToken)).ToDictionary(r => r.AgentId, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return identities.Select(identity =>
        {
            var row = rows.TryGetValue(identity.AgentId, out var found) ? found : AgentRouting.New(identity.AgentId);
            return new DepartmentAgent(identity, row, AgentPresenceRules.Effective(row, now, options.Value.AwayAfter));
        }).ToList();
    }

    /// <summary>
    /// The department's agents, with seats checked for those online (the only ones given chats): a room read per seat
    /// they hold, so only assignment asks for it.
    /// </summary>
    public async Task<IReadOnlyList<RoutingCandidate>> ForDepartmentAsync(string department, CancellationToken cancellationToken) =>
        await Task.WhenAll((await PresenceAsync(department, cancellationToken)).Select(async agent =>
            new RoutingCandidate(agent.Identity, agent.Row, agent.Presence, AgentPresenceRules.Capacity(agent.Row, options.Value),
                agent.Presence == PresenceStatus.Online ? await SeatsAsync(agent.Row, cancellationToken) : agent.Row.RoomIds)));

    /// <summary>One agent with its seats checked; null when it has no token in force.</summary>
    public async Task<RoutingCandidate?> AgentAsync(string agentId, CancellationToken cancellationToken)
    {
        var identity = (await IdentitiesAsync(cancellationToken)).FirstOrDefault(a => a.AgentId == agentId);
        if (identity is null) return null;
        var row = await store.GetAsync(agentId, cancellationToken);
        return new RoutingCandidate(identity, row, AgentPresenceRules.Effective(row, time.GetUtcNow(), options.Value.AwayAfter),
            AgentPresenceRules.Capacity(row, options.Value), await SeatsAsync(row, cancellationToken));
    }

    /// <summary>The row's rooms that still hold a seat of its agent.</summary>
    public async Task<IReadOnlyList<string>> SeatsAsync(AgentRouting row, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(row.RoomIds.Select(async roomId => (roomId, room: await rooms.GetAsync(roomId, cancellationToken))));
        return checks.Where(c => c.room is { Status: RoomStatus.Waiting } || c.room is { Status: RoomStatus.Agent } && c.room.AgentId == row.AgentId)
            .Select(c => c.roomId).ToList();
    }

    /// <summary>Every agent with a token in force: its latest name, all its departments, its last expiry.</summary>
    private async Task<IReadOnlyList<AgentIdentity>> IdentitiesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return (await tokens.ListAllAsync(cancellationToken))
            .Where(t => t.ExpiresAt > now)
            .GroupBy(t => t.AgentId, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.OrderBy(t => t.IssuedAt).Last();
                var departments = g.SelectMany(t => t.Departments).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                return new AgentIdentity(g.Key, latest.Name, departments, g.Max(t => t.ExpiresAt));
            })
            .ToList();
    }
}
