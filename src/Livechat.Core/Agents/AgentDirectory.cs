using Livechat.Core.Rooms;
using Livechat.Core.Routing;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Agents;

/// <summary>
/// The agents the dashboard knows: those with a token in force and those invited, with whether their console was
/// heard from lately and how many chats they hold. A held room is counted only while the room says so (status agent,
/// this agent): the index row written at the claim is checked against the room and dropped once the room ended, so a
/// chat that ended by any path (visitor, agent, bot, inactivity) stops counting without those paths knowing.
/// </summary>
public sealed class AgentDirectory(IAgentTokenStore tokens, IAgentInvitationStore invitations, IAgentActivityStore activity, IRoomStore rooms,
    TimeProvider time, IAgentRoutingStore? routing = null, IOptions<RoutingOptions>? routingOptions = null)
{
    public async Task<AgentList> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var agents = new Dictionary<string, (string Name, SortedSet<string> Departments, bool Invited)>(StringComparer.Ordinal);
        foreach (var token in (await tokens.ListAllAsync(cancellationToken)).Where(t => t.ExpiresAt > now).OrderBy(t => t.IssuedAt))
        {
            var departments = agents.TryGetValue(token.AgentId, out var known) ? known.Departments : new SortedSet<string>(StringComparer.Ordinal);
            departments.UnionWith(token.Departments);
            agents[token.AgentId] = (token.Name, departments, false);
        }
        foreach (var invitation in (await invitations.ListAsync(cancellationToken)).Where(i => i.RedeemedAt is null && i.ExpiresAt > now))
            if (!agents.ContainsKey(invitation.AgentId))
                agents[invitation.AgentId] = (invitation.Name, new SortedSet<string>(invitation.Departments, StringComparer.Ordinal), true);

        var seen = (await activity.ListAsync(cancellationToken)).ToDictionary(a => a.AgentId, StringComparer.Ordinal);
        var routed = routing is null ? [] : (await routing.ListAsync(cancellationToken)).ToDictionary(r => r.AgentId, StringComparer.Ordinal);
        var options = routingOptions?.Value ?? new RoutingOptions();
        var list = new List<AgentSummary>();
        foreach (var (agentId, agent) in agents.OrderBy(a => a.Value.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Key, StringComparer.Ordinal))
        {
            seen.TryGetValue(agentId, out var heard);
            var held = heard is null ? 0 : await CountHeldAsync(agentId, heard.HeldRoomIds, cancellationToken);
            var online = heard?.LastSeenAt is { } at && now - at < AgentPresence.OnlineWithin;
            var row = routed.TryGetValue(agentId, out var r) ? r : AgentRouting.New(agentId) with { LastSeenAt = heard?.LastSeenAt };
            list.Add(new AgentSummary(agentId, agent.Name, [.. agent.Departments], online, heard?.LastSeenAt, held, agent.Invited,
                routing is null ? null : AgentPresenceRules.Effective(row, now, options.AwayAfter), routing is null ? null : AgentPresenceRules.Capacity(row, options)));
        }
        return new AgentList(list);
    }

    private async Task<int> CountHeldAsync(string agentId, IReadOnlyList<string> roomIds, CancellationToken cancellationToken)
    {
        var held = 0;
        foreach (var roomId in roomIds)
        {
            var room = await rooms.GetAsync(roomId, cancellationToken);
            if (room is { Status: RoomStatus.Agent } && room.AgentId == agentId) held++;
            else await activity.RemoveHeldRoomAsync(agentId, roomId, cancellationToken);
        }
        return held;
    }
}
