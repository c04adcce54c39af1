namespace Livechat.Core.Webhooks.Events;

/// <summary>Each subscription's dead letters, oldest event first.</summary>
public interface IWebhookDeadLetterStore
{
    Task SaveAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken);

    Task<WebhookDeadLetter?> GetAsync(string subscriptionId, string eventId, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookDeadLetter>> ListAsync(string subscriptionId, int limit, CancellationToken cancellationToken);

    Task DeleteAsync(string subscriptionId, string eventId, CancellationToken cancellationToken);
}
