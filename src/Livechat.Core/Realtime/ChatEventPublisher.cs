using Livechat.Core.Webhooks.Events;

namespace Livechat.Core.Realtime;

/// <summary>
/// Publishes a <see cref="ChatEvent"/> to the audiences <see cref="ChatAudiences"/> names, in their order, and records
/// the webhook event <see cref="WebhookEvents"/> maps it to, so no handler raises a webhook event of its own.
/// </summary>
public sealed class ChatEventPublisher(IRealtimePublisher realtime, WebhookEventRecorder? webhooks = null)
{
    public async Task PublishAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        foreach (var delivery in ChatAudiences.For(chatEvent))
        {
            if (delivery.User is { } user) await realtime.SendToUserAsync(user, delivery.EventName, delivery.Payload, cancellationToken);
            else await realtime.SendToGroupAsync(delivery.Group!, delivery.EventName, delivery.Payload, cancellationToken);
        }
        if (webhooks is not null) await webhooks.RecordAsync(chatEvent, cancellationToken);
    }
}
