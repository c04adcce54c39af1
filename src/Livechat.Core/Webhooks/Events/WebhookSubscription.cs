namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// A receiver of chat events: where to POST, which event types, the secret that signs its deliveries (made by the
/// server, shown once), and whether it is on. <see cref="StartCursor"/>: the event id its deliveries start after.
/// </summary>
public sealed record WebhookSubscription(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    string Secret,
    bool Enabled,
    string? Description,
    string StartCursor,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool Wants(string eventType) => Enabled && Events.Contains(eventType, StringComparer.Ordinal);
}
