namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// The chat events webhooks deliver, written once each whatever the number of subscriptions, keyed by their
/// time-ordered id so that every subscription's cursor is a key range.
/// </summary>
public interface IWebhookEventLog
{
    Task AppendAsync(LoggedWebhookEvent loggedEvent, CancellationToken cancellationToken);

    Task<LoggedWebhookEvent?> GetAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> events of <paramref name="types"/> with ids after <paramref name="after"/> and
    /// below <paramref name="before"/> (a <see cref="WebhookEventIds.Floor"/>), oldest first.
    /// </summary>
    Task<IReadOnlyList<LoggedWebhookEvent>> ReadAsync(string after, string before, IReadOnlyCollection<string> types, int limit, CancellationToken cancellationToken);
}
