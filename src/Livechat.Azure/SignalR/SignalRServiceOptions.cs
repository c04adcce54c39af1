using System.ComponentModel.DataAnnotations;

namespace Livechat.Azure.SignalR;

/// <summary>Azure SignalR Service (serverless mode) settings, bound from the <c>SignalR</c> configuration section.</summary>
public sealed class SignalRServiceOptions
{
    public const string SectionName = "SignalR";

    /// <summary><c>Endpoint=https://x.service.signalr.net;AccessKey=...;Version=1.0;</c>, optionally with <c>Port=</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Hub name: starts with a letter, then letters, digits or underscores (the service's rule).</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9_]*$")]
    public string HubName { get; set; } = "chat";

    /// <summary>Lifetime of the access tokens handed to clients by negotiate.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts per REST call, the first included, before a <see cref="RealtimeDeliveryException"/>.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First retry delay; doubled at each further attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one retry delay, also for a server's <c>Retry-After</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Time one event may take in all, retries included, before it is dropped (logged): a slow or failing service must
    /// not hold up a visitor's message or the bot's turn. Clients re-read the transcript when they reconnect.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SendBudget { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Time allowed for one attempt; a slower one counts as a failure and is retried.</summary>
    /// <remarks>At least 10 ms: Polly's timeout strategy refuses less, and would only say so at the first send.</remarks>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
