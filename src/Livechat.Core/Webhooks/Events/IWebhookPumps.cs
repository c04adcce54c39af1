namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// The subscriptions' delivery orchestrations (<see cref="WebhookPumpOrchestrator"/>, one per subscription, instance id
/// from its id): the Functions Durable client where the invocation has one bound.
/// </summary>
public interface IWebhookPumps
{
    /// <summary>Starts the subscription's pump at <paramref name="cursor"/> unless it runs.</summary>
    Task StartAsync(string subscriptionId, string cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Tells a pump events are waiting. Best effort: a pump not told finds them at its next poll. False when no
    /// Durable client is at hand in this invocation.
    /// </summary>
    bool TryWake(string subscriptionId);

    /// <summary>Makes the pump deliver again every event after <paramref name="after"/>.</summary>
    Task ReplayAsync(string subscriptionId, string after, CancellationToken cancellationToken);
}
