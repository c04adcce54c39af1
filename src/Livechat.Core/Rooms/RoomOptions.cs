using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Rooms;

/// <summary>Room settings of the deployment.</summary>
public sealed class RoomOptions
{
    /// <summary>A room the bot holds in which nobody writes for this long is ended (reason <c>inactivity</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A room waiting for or held by an agent in which nobody writes for this long is ended; zero: never. Longer than
    /// the bot's by default: a visitor waits for a person, and an agent may pause a chat to find an answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan AgentInactivityTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often idle rooms are looked for: a room ends at most this long after its timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdleSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest message text a visitor may send, in characters.</summary>
    [Range(1, 10_000)]
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Turns a room orchestration handles before it continues as new, bounding its history.</summary>
    [Range(1, 1000)]
    public int TurnsPerGeneration { get; set; } = 20;

    /// <summary>Attempts at a webhook block's call (5xx, time-outs) before its failure path is taken.</summary>
    [Range(1, 10)]
    public int WebhookAttempts { get; set; } = 4;

    /// <summary>Wait before the first webhook retry; doubled for each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan WebhookFirstRetry { get; set; } = TimeSpan.FromSeconds(1);
}
