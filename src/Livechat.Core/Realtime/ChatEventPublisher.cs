namespace Livechat.Core.Realtime;

/// <summary>Publishes a <see cref="ChatEvent"/> to the audiences <see cref="ChatAudiences"/> names, in their order.</summary>
public sealed class ChatEventPublisher(IRealtimePublisher realtime)
{
    public async Task PublishAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        foreach (var delivery in ChatAudiences.For(chatEvent))
        {
            if (delivery.User is { } user) await realtime.SendToUserAsync(user, delivery.EventName, delivery.Payload, cancellationToken);
            else await realtime.SendToGroupAsync(delivery.Group!, delivery.EventName, delivery.Payload, cancellationToken);
        }
    }
}
