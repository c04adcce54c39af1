using Livechat.Core.Common;

namespace Livechat.Core.Agents;

/// <summary>
/// Records that an agent's console is there (its negotiation and a heartbeat every 30-60 s), for the dashboard's
/// online/offline. Writes are throttled per agent and instance to one per <see cref="WriteEvery"/>, so a console costs
/// about one table write a minute however many tabs it has; an agent heard within <see cref="OnlineWithin"/> is online.
/// </summary>
public sealed class AgentPresence(IAgentActivityStore store, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan WriteEvery = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan OnlineWithin = TimeSpan.FromMinutes(2);

    private readonly OncePerInterval _writes = new(WriteEvery, time);

    public async Task SeenAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        if (!_writes.TryPass(agent.AgentId)) return;
        await store.SetLastSeenAsync(agent.AgentId, time.GetUtcNow(), cancellationToken);
    }

    public void Dispose() => _writes.Dispose();
}
