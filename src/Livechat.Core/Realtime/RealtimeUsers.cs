namespace Livechat.Core.Realtime;

/// <summary>
/// Realtime identities: a logged-in user (every device), an anonymous visitor (every tab of one browser) or an agent.
/// Prefixed so a customer's user id can never collide with a visitor or agent id.
/// </summary>
public static class RealtimeUsers
{
    public static string ForUser(string userId) => $"u-{userId}";

    public static string ForVisitor(string visitorId) => $"v-{visitorId}";

    /// <summary>A human agent (every tab of the agent console).</summary>
    public static string ForAgent(string agentId) => $"a-{agentId}";
}
