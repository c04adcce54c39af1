using Livechat.Core.Common;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Routing;

/// <summary>The admin sets an agent's capacity; more room means the queue is offered to the agent at once.</summary>
public sealed class CapacityHandler(IAgentRoutingStore store, RoomRouting routing, IOptions<RoutingOptions> options)
{
    public const int MaxCapacity = 100;

    public async Task<Outcome<AgentCapacity>> SetAsync(string agentId, CapacityRequest body, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(agentId, 64)) return Problem.NotFound("Agent", "agentId");
        if (body.Capacity is < 0 or > MaxCapacity) return Problem.Invalid("capacity", $"Must be 0 to {MaxCapacity}, or null for the default.");

        var saved = await OptimisticConcurrency.RunAsync<AgentRouting>("agent", async _ =>
        {
            var row = await store.GetAsync(agentId, cancellationToken);
            if (await store.TrySaveAsync(row with { Capacity = body.Capacity }, cancellationToken) is { } done) return done;
            return null;
        });
        if (!saved.IsSuccess) return saved.Problem!;
        await routing.AgentFreeAsync(agentId, cancellationToken);
        return new AgentCapacity(agentId, AgentPresenceRules.Capacity(saved.Value!, options.Value), body.Capacity is null);
    }
}
