namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// A pump generation's state: where the subscription's deliveries are, the event at the head that failed and how
/// often, and how many looks in a row found nothing (the idle poll backs off with them).
/// </summary>
public sealed record WebhookPumpInput(string SubscriptionId, string Cursor, string? HeadEventId = null, int HeadAttempts = 0, int IdleRounds = 0)
{
    public static string InstanceIdOf(string subscriptionId) => "webhook-" + subscriptionId;
}
