namespace Livechat.Core.Routing;

/// <summary>
/// The presence an agent has now, from what it chose and when its console was last heard. Worked out when read, so
/// the grace period costs no timer and no write: an online agent whose console went quiet is away until heard again.
/// </summary>
public static class AgentPresenceRules
{
    public static PresenceStatus Effective(AgentRouting row, DateTimeOffset now, TimeSpan awayAfter)
    {
        var heard = row.LastSeenAt is { } at && now - at <= awayAfter;
        return row.Status switch
        {
            PresenceStatus.Online => heard ? PresenceStatus.Online : PresenceStatus.Away,
            PresenceStatus.Away => PresenceStatus.Away,
            PresenceStatus.Offline => PresenceStatus.Offline,
            // Never chosen (a console from before presence, or one just signed in): there but not taking chats.
            _ => heard ? PresenceStatus.Away : PresenceStatus.Offline,
        };
    }

    /// <summary>Most chats at once: the admin's setting, else the default.</summary>
    public static int Capacity(AgentRouting row, RoutingOptions options) => row.Capacity ?? options.DefaultCapacity;
}
