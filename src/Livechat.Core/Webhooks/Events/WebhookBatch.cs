namespace Livechat.Core.Webhooks.Events;

/// <summary>Input of <see cref="DeliverWebhookBatchActivity"/>: deliver the subscription's events after the cursor, older than the horizon.</summary>
public sealed record WebhookBatchRequest(string SubscriptionId, string Cursor, DateTimeOffset Horizon);

/// <summary>
/// What a batch did: the cursor after it, how many events went out, whether more are waiting, and the event that
/// failed (it stays at the head, so nothing after it goes before it).
/// </summary>
public sealed record WebhookBatchResult(WebhookBatchStatus Status, string Cursor, int Delivered, bool More, string? FailedEventId = null, string? Error = null);

public enum WebhookBatchStatus
{
    Delivered,
    Failed,
    /// <summary>The subscription was deleted: its pump ends.</summary>
    Gone,
}
