using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Microsoft.Extensions.Logging;
using System.Text.Json;

namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// The request path's whole share of webhooks: when an enabled subscription wants the event, one write to the event
/// log and a nudge to the pumps that want it; otherwise nothing (the subscription list is cached). Delivery happens in
/// the pumps. A failed write is logged, not thrown: the chat itself has already happened and must go on.
/// </summary>
public sealed partial class WebhookEventRecorder(WebhookSubscriptionCache subscriptions, IWebhookEventLog log, IWebhookPumps pumps, TimeProvider time,
    ILogger<WebhookEventRecorder> logger)
{
    public async Task RecordAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (WebhookEvents.For(chatEvent) is not { } webhookEvent) return;
        var wanting = (await subscriptions.GetAsync(cancellationToken)).Where(s => s.Wants(webhookEvent.Type)).ToList();
        if (wanting.Count == 0) return;

        var now = time.GetUtcNow();
        var id = WebhookEventIds.New(now);
        var body = JsonSerializer.Serialize(new WebhookEnvelope(id, webhookEvent.Type, now, webhookEvent.RoomId, webhookEvent.Seq, webhookEvent.Data), LivechatJson.Options);
        try
        {
            await log.AppendAsync(new LoggedWebhookEvent(id, webhookEvent.Type, webhookEvent.RoomId, body), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotRecorded(e, webhookEvent.Type, webhookEvent.RoomId);
            return;
        }
        foreach (var subscription in wanting) pumps.TryWake(subscription.Id);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook event {EventType} of room {RoomId} could not be recorded and will not be delivered")]
    private partial void LogNotRecorded(Exception exception, string eventType, string? roomId);
}
