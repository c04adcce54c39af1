using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Webhooks.Events;

/// <summary>Settings of chat-event webhooks (section <c>WebhookEvents</c>).</summary>
public sealed class WebhookEventOptions
{
    /// <summary>Tries of one event, the first included, before it goes to the dead letters.</summary>
    [Range(1, 30)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed try; each later wait doubles, up to <see cref="MaxRetryInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How old an event must be before a pump reads past it: a request whose write lands a little late (its id was
    /// taken first) is then never passed by the cursor.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest an idle pump sleeps between looks at the log (it is woken earlier where it can be).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Events one delivery activity sends at most, in order.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long this instance trusts its copy of the subscription list (changes made here apply at once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SubscriptionCacheLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before try <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failed tries.</summary>
    public TimeSpan BackoffAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryInterval.Ticks, FirstRetryInterval.Ticks * (long)Math.Pow(2, Math.Min(attempt - 1, 30))));
}
