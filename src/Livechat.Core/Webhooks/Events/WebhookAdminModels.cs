using System.Text.Json;

namespace Livechat.Core.Webhooks.Events;

/// <summary>A subscription as the dashboard sends it (create and replace). Left out, <see cref="Enabled"/> is true.</summary>
public sealed record WebhookDefinition(string? Url, IReadOnlyList<string>? Events, bool? Enabled, string? Description);

/// <summary>A subscription as the admin API shows it: never its secret.</summary>
public sealed record WebhookSubscriptionView(string Id, string Url, IReadOnlyList<string> Events, bool Enabled, string? Description,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int DeadLetters)
{
    public static WebhookSubscriptionView From(WebhookSubscription s, int deadLetters = 0) =>
        new(s.Id, s.Url, s.Events, s.Enabled, s.Description, s.CreatedAt, s.UpdatedAt, deadLetters);
}

public sealed record WebhookSubscriptionList(IReadOnlyList<WebhookSubscriptionView> Items, IReadOnlyList<string> EventTypes);

/// <summary>The answer to a create or a secret rotation: the only time the secret is shown.</summary>
public sealed record WebhookSubscriptionWithSecret(WebhookSubscriptionView Subscription, string Secret);

public sealed record WebhookSubscriptionDeleted(string Id);

public sealed record WebhookDeadLetterList(IReadOnlyList<WebhookDeadLetter> Items);

/// <summary>How a resend went; a failed one stays on the list with its try counted.</summary>
public sealed record WebhookResent(string EventId, bool Delivered, int? Status, string? Error);

/// <summary>The subscription's events after a cursor, as their deliveries' bodies; <see cref="Next"/> is the cursor of the next page.</summary>
public sealed record WebhookEventPage(IReadOnlyList<JsonElement> Events, string? Next);

/// <summary>POST …/replay: deliver again every event after <see cref="After"/>.</summary>
public sealed record WebhookReplayRequest(string? After);

public sealed record WebhookReplayAccepted(string SubscriptionId, string After);
