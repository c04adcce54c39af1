namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// The pumps' port where a host runs no pumps (a test host over the stores alone): events are still logged and can
/// be pulled, but nothing starts or wakes a delivery.
/// </summary>
public sealed class NoWebhookPumps : IWebhookPumps
{
    public Task StartAsync(string subscriptionId, string cursor, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This host runs no webhook pumps.");

    public bool TryWake(string subscriptionId) => false;

    public Task ReplayAsync(string subscriptionId, string after, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This host runs no webhook pumps.");
}
