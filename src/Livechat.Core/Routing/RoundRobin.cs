namespace Livechat.Core.Routing;

/// <summary>
/// Who gets the next chat: an online agent with a free seat, the one whose last chat is oldest (never given one comes
/// first), ties by agent id. Each assignment stamps the agent's row, so the chats go round the team in turn.
/// </summary>
public static class RoundRobin
{
    public static RoutingCandidate? Pick(IEnumerable<RoutingCandidate> candidates) =>
        candidates
            .Where(c => c.Presence == PresenceStatus.Online && c.Free > 0)
            .OrderBy(c => c.Row.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.AgentId, StringComparer.Ordinal)
            .FirstOrDefault();
}
