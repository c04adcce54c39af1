using Livechat.Core.Agents;
using Livechat.Core.Common;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Routing;

/// <summary>
/// The agent's own presence. Online is heard at once (the last-seen time is written with it) and brings the
/// department queues to the agent; offline offers its unanswered rooms to others; away only stops new chats.
/// </summary>
public sealed class PresenceHandler(
    IAgentRoutingStore store,
    IAgentActivityStore activity,
    AgentRoster roster,
    RoomRouting routing,
    RoomReoffer reoffer,
    IOptions<RoutingOptions> options,
    TimeProvider time)
{
    public async Task<Outcome<AgentPresenceView>> GetAsync(AgentIdentity agent, CancellationToken cancellationToken) =>
        await ViewAsync(agent.AgentId, await store.GetAsync(agent.AgentId, cancellationToken), cancellationToken);

    public async Task<Outcome<AgentPresenceView>> SetAsync(AgentIdentity agent, PresenceRequest body, CancellationToken cancellationToken)
    {
        PresenceStatus? parsed = body.Status switch
        {
            "online" => PresenceStatus.Online,
            "away" => PresenceStatus.Away,
            "offline" => PresenceStatus.Offline,
            _ => null,
        };
        if (parsed is not { } status) return Problem.Invalid("status", "Required: \"online\", \"away\" or \"offline\".");

        if (status == PresenceStatus.Online) await activity.SetLastSeenAsync(agent.AgentId, time.GetUtcNow(), cancellationToken);
        var saved = await OptimisticConcurrency.RunAsync<AgentRouting>("agent", async _ =>
        {
            var row = await store.GetAsync(agent.AgentId, cancellationToken);
            if (row.Status == status && row.ETag is not null) return row;
            if (await store.TrySaveAsync(row with { Status = status }, cancellationToken) is { } done) return done;
            return null;
        });
        if (!saved.IsSuccess) return saved.Problem!;

        if (status == PresenceStatus.Online) await routing.AgentFreeAsync(agent.AgentId, cancellationToken);
        else if (status == PresenceStatus.Offline) await reoffer.ReofferAsync(agent, cancellationToken);
        return await GetAsync(agent, cancellationToken);
    }

    private async Task<AgentPresenceView> ViewAsync(string agentId, AgentRouting row, CancellationToken cancellationToken)
    {
        var held = await roster.SeatsAsync(row, cancellationToken);
        return new AgentPresenceView(agentId, AgentPresenceRules.Effective(row, time.GetUtcNow(), options.Value.AwayAfter), row.Status,
            AgentPresenceRules.Capacity(row, options.Value), held);
    }
}
