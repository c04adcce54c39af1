using Livechat.Core.Realtime;

namespace Livechat.Core.Agents;

/// <summary>
/// The agent console's realtime connection, as identity <c>a-{agentId}</c>, in the groups of the agent's
/// departments so that it hears roomWaiting and roomClaimed.
/// </summary>
public sealed class AgentNegotiateHandler(IRealtimeNegotiator negotiator, IRealtimePublisher realtime)
{
    public async Task<NegotiateResult> HandleAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        foreach (var department in agent.Departments)
            await realtime.AddUserToGroupAsync(agent.RealtimeUserId, RealtimeGroups.Department(department), cancellationToken);
        return negotiator.Negotiate(agent.RealtimeUserId);
    }
}
