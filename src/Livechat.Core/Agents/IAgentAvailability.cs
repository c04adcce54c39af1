namespace Livechat.Core.Agents;

/// <summary>Whether a department has an agent who can answer now: when it has none, a transfer offers the offline form instead of a queue.</summary>
public interface IAgentAvailability
{
    Task<bool> AnyoneOnlineAsync(string department, CancellationToken cancellationToken);
}
