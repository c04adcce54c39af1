namespace Livechat.Core.Agents;

/// <summary>
/// Somebody is online for a department when an agent with a token in force for it had their console heard within
/// <see cref="AgentPresence.OnlineWithin"/>: the same rule as the dashboard's online dot. Reads two small tables per
/// call (transfers are rare next to messages).
/// </summary>
public sealed class LastSeenAgentAvailability(IAgentTokenStore tokens, IAgentActivityStore activity, TimeProvider time) : IAgentAvailability
{
    public async Task<bool> AnyoneOnlineAsync(string department, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var serving = (await tokens.ListAllAsync(cancellationToken))
            .Where(t => t.ExpiresAt > now && t.Departments.Contains(department, StringComparer.Ordinal))
            .Select(t => t.AgentId)
            .ToHashSet(StringComparer.Ordinal);
        if (serving.Count == 0) return false;
        return (await activity.ListAsync(cancellationToken))
            .Any(a => serving.Contains(a.AgentId) && a.LastSeenAt is { } at && now - at < AgentPresence.OnlineWithin);
    }
}
