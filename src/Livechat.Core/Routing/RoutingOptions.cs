using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Routing;

/// <summary>Settings of presence, capacity, auto-assignment and the visitor's queue position (section <c>Routing</c>).</summary>
public sealed class RoutingOptions
{
    /// <summary>Most chats at once of an agent whose capacity the admin never set.</summary>
    [Range(0, 100)]
    public int DefaultCapacity { get; set; } = 3;

    /// <summary>
    /// How long an online agent's console may go unheard (no heartbeat, no negotiation) before the agent counts as
    /// away: no new chats until it is heard again. The console beats every 45 s; a write lands about once a minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AwayAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The estimate's unit: about how long one chat holds an agent's seat before the next waiting visitor gets it.
    /// A visitor at position N with K agents online waits about ceil(N / K) times this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan SecondsPerQueuedChat { get; set; } = TimeSpan.FromMinutes(2);
}
