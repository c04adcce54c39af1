using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using System.Text.Json;

namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// The dashboard's webhook calls: subscriptions (the secret made here, shown once), their dead letters and resends,
/// their events after a cursor, and replays. Every change reloads this instance's subscription cache.
/// </summary>
public sealed class WebhookAdminHandler(
    IWebhookSubscriptionStore store,
    WebhookSubscriptionCache cache,
    IWebhookDeadLetterStore deadLetters,
    IWebhookEventLog log,
    IWebhookPumps pumps,
    WebhookDelivery delivery,
    OutboundAddressPolicy addresses,
    IOptions<WebhookEventOptions> options,
    TimeProvider time)
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 200;
    public const int MaxPageSize = 500;

    public async Task<Outcome<WebhookSubscriptionList>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        var views = new List<WebhookSubscriptionView>();
        foreach (var s in all.OrderBy(s => s.CreatedAt))
            views.Add(WebhookSubscriptionView.From(s, (await deadLetters.ListAsync(s.Id, MaxPageSize, cancellationToken)).Count));
        return new WebhookSubscriptionList(views, WebhookEventTypes.All);
    }

    public async Task<Outcome<WebhookSubscriptionView>> GetAsync(string id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } s
            ? WebhookSubscriptionView.From(s, (await deadLetters.ListAsync(s.Id, MaxPageSize, cancellationToken)).Count)
            : NotFound(id);

    public async Task<Outcome<WebhookSubscriptionWithSecret>> CreateAsync(WebhookDefinition definition, CancellationToken cancellationToken)
    {
        if (Validate(definition) is { } problem) return problem;
        var now = time.GetUtcNow();
        var subscription = new WebhookSubscription(Ids.New("wh_"), definition.Url!, Distinct(definition.Events!), NewSecret(), definition.Enabled ?? true,
            Trimmed(definition.Description), WebhookEventIds.Floor(now), now, now);
        await store.SaveAsync(subscription, cancellationToken);
        await cache.ReloadAsync(cancellationToken);
        await pumps.StartAsync(subscription.Id, subscription.StartCursor, cancellationToken);
        return new WebhookSubscriptionWithSecret(WebhookSubscriptionView.From(subscription), subscription.Secret);
    }

    /// <summary>Replaces the URL, events, enabled flag and description; the secret and the deliveries' place stay.</summary>
    public async Task<Outcome<WebhookSubscriptionView>> PutAsync(string id, WebhookDefinition definition, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } existing) return NotFound(id);
        if (Validate(definition) is { } problem) return problem;
        var now = time.GetUtcNow();
        var saved = existing with
        {
            Url = definition.Url!, Events = Distinct(definition.Events!), Enabled = definition.Enabled ?? true, Description = Trimmed(definition.Description), UpdatedAt = now,
        };
        await store.SaveAsync(saved, cancellationToken);
        await cache.ReloadAsync(cancellationToken);
        // A pump that is not running (it never started, or was ended by hand) starts from now.
        await pumps.StartAsync(saved.Id, WebhookEventIds.Floor(now), cancellationToken);
        return WebhookSubscriptionView.From(saved);
    }

    /// <summary>Its pump ends at its next look; its dead letters go with it.</summary>
    public async Task<Outcome<WebhookSubscriptionDeleted>> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(id, 64) || !await store.DeleteAsync(id, cancellationToken)) return NotFound(id);
        foreach (var letter in await deadLetters.ListAsync(id, MaxPageSize, cancellationToken)) await deadLetters.DeleteAsync(id, letter.EventId, cancellationToken);
        await cache.ReloadAsync(cancellationToken);
        return new WebhookSubscriptionDeleted(id);
    }

    /// <summary>The old secret stops signing at once: the receiver must have the new one before its next delivery.</summary>
    public async Task<Outcome<WebhookSubscriptionWithSecret>> RotateSecretAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } existing) return NotFound(id);
        var saved = existing with { Secret = NewSecret(), UpdatedAt = time.GetUtcNow() };
        await store.SaveAsync(saved, cancellationToken);
        await cache.ReloadAsync(cancellationToken);
        return new WebhookSubscriptionWithSecret(WebhookSubscriptionView.From(saved), saved.Secret);
    }

    public async Task<Outcome<WebhookDeadLetterList>> ListDeadLettersAsync(string id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is null ? NotFound(id) : new WebhookDeadLetterList(await deadLetters.ListAsync(id, MaxPageSize, cancellationToken));

    /// <summary>One try now, with the event's own id and body; delivered, it leaves the list.</summary>
    public async Task<Outcome<WebhookResent>> ResendAsync(string id, string eventId, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } subscription) return NotFound(id);
        if (!WebhookEventIds.IsValid(eventId) || await deadLetters.GetAsync(id, eventId, cancellationToken) is not { } letter)
            return Problem.NotFound($"Dead letter '{eventId}'", "eventId");
        if (await log.GetAsync(eventId, cancellationToken) is not { } loggedEvent) return Problem.Gone("The event is no longer kept.");
        var attempt = await delivery.SendAsync(subscription with { Enabled = true }, loggedEvent, cancellationToken);
        if (attempt.Delivered) await deadLetters.DeleteAsync(id, eventId, cancellationToken);
        else await deadLetters.SaveAsync(letter with { Attempts = letter.Attempts + 1, LastError = attempt.Error ?? "", FailedAt = time.GetUtcNow() }, cancellationToken);
        return new WebhookResent(eventId, attempt.Delivered, attempt.Status, attempt.Error);
    }

    /// <summary>
    /// The events a receiver that was down can pull: after <paramref name="after"/> (by default, from the
    /// subscription's start), only settled ones, so following <see cref="WebhookEventPage.Next"/> never skips one.
    /// </summary>
    public async Task<Outcome<WebhookEventPage>> ListEventsAsync(string id, string? after, string? limit, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } subscription) return NotFound(id);
        if (after is { Length: > 0 } && !WebhookEventIds.IsValid(after)) return Problem.Invalid("after", "An event id (evt_ and 22 hex digits).");
        var size = 100;
        if (limit is { Length: > 0 } && (!int.TryParse(limit, out size) || size is < 1 or > MaxPageSize))
            return Problem.Invalid("limit", $"1 to {MaxPageSize}.");
        var before = WebhookEventIds.Floor(time.GetUtcNow() - options.Value.SettleTime);
        var events = await log.ReadAsync(after is { Length: > 0 } ? after : subscription.StartCursor, before, subscription.Events, size, cancellationToken);
        var bodies = events.Select(e => JsonDocument.Parse(e.Body).RootElement.Clone()).ToList();
        return new WebhookEventPage(bodies, events.Count > 0 ? events[^1].Id : after);
    }

    public async Task<Outcome<WebhookReplayAccepted>> ReplayAsync(string id, WebhookReplayRequest request, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is null) return NotFound(id);
        if (!WebhookEventIds.IsValid(request.After)) return Problem.Invalid("after", "An event id (evt_ and 22 hex digits): the deliveries start after it.");
        await pumps.StartAsync(id, request.After!, cancellationToken);
        await pumps.ReplayAsync(id, request.After!, cancellationToken);
        return new WebhookReplayAccepted(id, request.After!);
    }

    private Problem? Validate(WebhookDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Url) || definition.Url.Length > MaxUrlLength
            || !Uri.TryCreate(definition.Url, UriKind.Absolute, out var url) || !addresses.AllowsScheme(url) || url.UserInfo.Length > 0)
            return Problem.Invalid("url", $"An absolute https URL of at most {MaxUrlLength} characters, without credentials.");
        if (definition.Events is not { Count: > 0 } events || events.Any(e => !WebhookEventTypes.IsKnown(e)))
            return Problem.Invalid("events", "One or more of: " + string.Join(", ", WebhookEventTypes.All) + ".");
        if (definition.Description is { } d && (d.Length > MaxDescriptionLength || d.Any(char.IsControl)))
            return Problem.Invalid("description", $"At most {MaxDescriptionLength} characters, no control characters.");
        return null;
    }

    private async Task<WebhookSubscription?> FindAsync(string id, CancellationToken cancellationToken) =>
        Ids.IsSafe(id, 64) ? await store.GetAsync(id, cancellationToken) : null;

    private static Problem NotFound(string id) => Problem.NotFound($"Webhook subscription '{id}'", "id");

    private static List<string> Distinct(IReadOnlyList<string> events) => events.Distinct(StringComparer.Ordinal).ToList();

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>256 random bits; the prefix tells a leaked one apart in logs and scanners.</summary>
    private static string NewSecret() => "whsec_" + Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
}
