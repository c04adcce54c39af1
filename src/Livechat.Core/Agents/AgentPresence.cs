using System.Collections.Concurrent;

namespace Livechat.Core.Agents;

/// <summary>
/// Records that an agent's console is there (its negotiation and a heartbeat every 30-60 s), for the dashboard's
/// online/offline. Writes are throttled per agent and instance to one per <see cref="WriteEvery"/>, so a console costs
/// about one table write a minute however many tabs it has; an agent heard within <see cref="OnlineWithin"/> is online.
/// </summary>
public sealed class AgentPresence(IAgentActivityStore store, TimeProvider time)
{
    public static readonly TimeSpan WriteEvery = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan OnlineWithin = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, long> _writtenAt = new(StringComparer.Ordinal);

    public async Task SeenAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_writtenAt.TryGetValue(agent.AgentId, out var at) && time.GetElapsedTime(at, now) < WriteEvery) return;
        _writtenAt[agent.AgentId] = now;
        await store.SetLastSeenAsync(agent.AgentId, time.GetUtcNow(), cancellationToken);
    }
}
