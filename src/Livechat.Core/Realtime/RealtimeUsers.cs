namespace Livechat.Core.Realtime;

/// <summary>
/// Realtime identities: a logged-in user (every device) or an anonymous visitor (every tab of one browser).
/// Prefixed so a customer's user id can never collide with a visitor id.
/// </summary>
public static class RealtimeUsers
{
    public static string ForUser(string userId) => $"u-{userId}";

    public static string ForVisitor(string visitorId) => $"v-{visitorId}";
}
