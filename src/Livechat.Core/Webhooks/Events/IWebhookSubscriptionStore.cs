namespace Livechat.Core.Webhooks.Events;

/// <summary>The webhook subscriptions, one row each.</summary>
public interface IWebhookSubscriptionStore
{
    Task<WebhookSubscription?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken);

    Task SaveAsync(WebhookSubscription subscription, CancellationToken cancellationToken);

    /// <summary>False when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
