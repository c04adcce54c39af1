using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// Delivers a subscription's next events, one after the other, stopping at the first that fails. A disabled
/// subscription moves its cursor on without sending: it receives what happens while it is on.
/// </summary>
public sealed class DeliverWebhookBatchActivity(IWebhookSubscriptionStore subscriptions, IWebhookEventLog log, WebhookDelivery delivery,
    IOptions<WebhookEventOptions> options) : TaskActivity<WebhookBatchRequest, WebhookBatchResult>
{
    public override Task<WebhookBatchResult> RunAsync(TaskActivityContext context, WebhookBatchRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<WebhookBatchResult> ExecuteAsync(WebhookBatchRequest request, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(request.SubscriptionId, cancellationToken);
        if (subscription is null) return new WebhookBatchResult(WebhookBatchStatus.Gone, request.Cursor, 0, false);
        var horizon = WebhookEventIds.Floor(request.Horizon);
        if (!subscription.Enabled) return new WebhookBatchResult(WebhookBatchStatus.Delivered, Later(request.Cursor, horizon), 0, false);

        var limit = options.Value.BatchSize;
        var events = await log.ReadAsync(request.Cursor, horizon, subscription.Events, limit, cancellationToken);
        var cursor = request.Cursor;
        var delivered = 0;
        foreach (var loggedEvent in events)
        {
            var attempt = await delivery.SendAsync(subscription, loggedEvent, cancellationToken);
            if (!attempt.Delivered) return new WebhookBatchResult(WebhookBatchStatus.Failed, cursor, delivered, true, loggedEvent.Id, attempt.Error);
            cursor = loggedEvent.Id;
            delivered++;
        }
        // A short read saw every wanted event below the horizon: the next one starts there, not rescanning the rest.
        var more = events.Count == limit;
        return new WebhookBatchResult(WebhookBatchStatus.Delivered, more ? cursor : Later(cursor, horizon), delivered, more);
    }

    private static string Later(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;
}
