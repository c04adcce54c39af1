using Livechat.Core.Agents;

namespace Livechat.Core.Routing;

/// <summary>
/// Someone can answer a department now when one of its agents (by token in force) is online, or has a console open
/// without ever choosing a presence: such a console (from before presence existed) still claims by hand. An agent who
/// chose away or offline, or whose online console went quiet past the grace period, does not count.
/// </summary>
public sealed class PresenceAgentAvailability(AgentRoster roster) : IAgentAvailability
{
    public async Task<bool> AnyoneOnlineAsync(string department, CancellationToken cancellationToken) =>
        (await roster.PresenceAsync(department, cancellationToken)).Any(c =>
            c.Presence == PresenceStatus.Online || c is { Row.Status: null, Presence: PresenceStatus.Away });
}
