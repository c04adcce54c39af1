using Livechat.Core.Realtime;

namespace Livechat.Core.Agents;

/// <summary>
/// The agent console's realtime connection, as identity <c>a-{agentId}</c>, in the groups of the agent's
/// departments so that it hears roomWaiting and roomClaimed. Membership lasts as long as the token: a console kept
/// open past its token's expiry stops hearing the departments, and a token re-issued with fewer departments (the
/// old one revoked) is all the console hears.
/// </summary>
public sealed class AgentNegotiateHandler(IRealtimeNegotiator negotiator, IRealtimePublisher realtime, TimeProvider time)
{
    public async Task<NegotiateResult> HandleAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        var ttl = agent.ExpiresAt - time.GetUtcNow();
        foreach (var department in agent.Departments)
            await realtime.AddUserToGroupAsync(agent.RealtimeUserId, RealtimeGroups.Department(department), ttl, cancellationToken);
        return negotiator.Negotiate(agent.RealtimeUserId);
    }
}
