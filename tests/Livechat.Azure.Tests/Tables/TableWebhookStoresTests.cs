using Livechat.Azure.Tests.Support;
using Livechat.Core.Webhooks.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

/// <summary>The webhook tables on Azurite: the event log's cursor ranges across days, subscriptions, dead letters.</summary>
public sealed class TableWebhookStoresTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 23, 59, 59, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private ServiceProvider _services = null!;
    private IWebhookEventLog _log = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _log = _services.GetRequiredService<IWebhookEventLog>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task ReadAsync_AfterACursor_ReturnsTheWantedTypesInIdOrder_AcrossMidnight_BelowTheHorizon()
    {
        // Five events a quarter second apart, two of them after midnight (another partition).
        var events = Enumerable.Range(0, 5).Select(i => Logged(At.AddMilliseconds(250 * i), i % 2 == 0 ? WebhookEventTypes.MessageCreated : WebhookEventTypes.ChatEnded)).ToList();
        foreach (var e in events.AsEnumerable().Reverse()) await _log.AppendAsync(e, None);
        var all = new[] { WebhookEventTypes.MessageCreated, WebhookEventTypes.ChatEnded };

        Assert.Equal(events.Select(e => e.Id), (await _log.ReadAsync(WebhookEventIds.Floor(At), WebhookEventIds.Floor(At.AddHours(1)), all, 100, None)).Select(e => e.Id));
        Assert.Equal(events.Skip(2).Select(e => e.Id), (await _log.ReadAsync(events[1].Id, WebhookEventIds.Floor(At.AddHours(1)), all, 100, None)).Select(e => e.Id));
        Assert.Equal([events[2].Id, events[4].Id],
            (await _log.ReadAsync(events[0].Id, WebhookEventIds.Floor(At.AddHours(1)), [WebhookEventTypes.MessageCreated], 100, None)).Select(e => e.Id));
        // The horizon: what is not yet settled is not read.
        Assert.Equal([events[0].Id, events[1].Id], (await _log.ReadAsync(WebhookEventIds.Floor(At), WebhookEventIds.Floor(At.AddMilliseconds(500)), all, 100, None)).Select(e => e.Id));
        Assert.Equal([events[0].Id, events[1].Id], (await _log.ReadAsync(WebhookEventIds.Floor(At), WebhookEventIds.Floor(At.AddHours(1)), all, 2, None)).Select(e => e.Id));
        Assert.Equal(events[3], await _log.GetAsync(events[3].Id, None));
    }

    [Fact]
    public async Task Subscriptions_SaveReplaceListDelete()
    {
        var store = _services.GetRequiredService<IWebhookSubscriptionStore>();
        var subscription = new WebhookSubscription("wh_1", "https://example.com/hook", [WebhookEventTypes.ChatStarted, WebhookEventTypes.ChatEnded], "whsec_one", true,
            "CRM", WebhookEventIds.Floor(At), At, At);
        await store.SaveAsync(subscription, None);
        await store.SaveAsync(subscription with { Enabled = false, Secret = "whsec_two" }, None);

        var saved = await store.GetAsync("wh_1", None);
        Assert.Equal((false, "whsec_two", "CRM"), (saved!.Enabled, saved.Secret, saved.Description));
        Assert.Equal(subscription.Events, saved.Events);
        Assert.Single(await store.ListAsync(None));
        Assert.True(await store.DeleteAsync("wh_1", None));
        Assert.False(await store.DeleteAsync("wh_1", None));
        Assert.Null(await store.GetAsync("wh_1", None));
    }

    [Fact]
    public async Task DeadLetters_ArePerSubscription_OldestEventFirst()
    {
        var store = _services.GetRequiredService<IWebhookDeadLetterStore>();
        var later = new WebhookDeadLetter("wh_1", WebhookEventIds.New(At.AddSeconds(1)), WebhookEventTypes.ChatEnded, "r-2", 3, "the receiver answered 500", At);
        var earlier = later with { EventId = WebhookEventIds.New(At), RoomId = "r-1" };
        await store.SaveAsync(later, None);
        await store.SaveAsync(earlier, None);
        await store.SaveAsync(earlier with { SubscriptionId = "wh_2" }, None);

        Assert.Equal([earlier, later], await store.ListAsync("wh_1", 10, None));
        await store.DeleteAsync("wh_1", earlier.EventId, None);
        Assert.Equal([later], await store.ListAsync("wh_1", 10, None));
        Assert.Single(await store.ListAsync("wh_2", 10, None));
    }

    private static LoggedWebhookEvent Logged(DateTimeOffset at, string type)
    {
        var id = WebhookEventIds.New(at);
        return new LoggedWebhookEvent(id, type, "r-1", $$"""{"id":"{{id}}"}""");
    }
}
