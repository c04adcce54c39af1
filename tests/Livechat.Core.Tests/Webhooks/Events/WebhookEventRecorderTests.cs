using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Webhooks.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using System.Text.Json;

namespace Livechat.Core.Tests.Webhooks.Events;

/// <summary>The request path's share: nothing without a subscriber, one log write and a wake with one.</summary>
public sealed class WebhookEventRecorderTests
{
    private static readonly Room Room = new()
    {
        RoomId = "r-1", SessionId = "s-1", VisitorId = "v-1", RealtimeUserId = "v-v-1", RecipeId = "welcome", RecipeVersion = 1, NextSeq = 2,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
    private static readonly ChatMessage Message = new() { Id = "m-1", RoomId = "r-1", Seq = 1, Sender = Sender.Visitor, Text = "hi", SentAt = DateTimeOffset.UnixEpoch };

    private readonly Mock<IWebhookSubscriptionStore> _store = new();
    private readonly Mock<IWebhookEventLog> _log = new();
    private readonly Mock<IWebhookPumps> _pumps = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly List<LoggedWebhookEvent> _written = [];

    public WebhookEventRecorderTests() =>
        _log.Setup(l => l.AppendAsync(It.IsAny<LoggedWebhookEvent>(), It.IsAny<CancellationToken>())).Callback<LoggedWebhookEvent, CancellationToken>((e, _) => _written.Add(e));

    [Fact]
    public async Task Publish_WithNoEnabledSubscriptionForTheType_WritesNothing_AndReadsTheListOnce()
    {
        Subscriptions(Subscription("wh_a", [WebhookEventTypes.ChatEnded]), Subscription("wh_b", [WebhookEventTypes.MessageCreated]) with { Enabled = false });
        var publisher = Publisher();

        for (var i = 0; i < 5; i++) await publisher.PublishAsync(new ChatEvent.MessageAdded(Room, Message), CancellationToken.None);
        await publisher.PublishAsync(new ChatEvent.Typing(Room, Sender.Visitor), CancellationToken.None);

        Assert.Empty(_written);
        _store.Verify(s => s.ListAsync(It.IsAny<CancellationToken>()), Times.Once);
        _pumps.Verify(p => p.TryWake(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public async Task Publish_WithSubscribers_WritesTheEventOnce_AndWakesEachOfThem()
    {
        Subscriptions(Subscription("wh_a", [WebhookEventTypes.MessageCreated]), Subscription("wh_b", [WebhookEventTypes.MessageCreated, WebhookEventTypes.ChatEnded]),
            Subscription("wh_c", [WebhookEventTypes.ChatEnded]));

        await Publisher().PublishAsync(new ChatEvent.MessageAdded(Room, Message), CancellationToken.None);

        var written = Assert.Single(_written);
        using var body = JsonDocument.Parse(written.Body);
        Assert.Equal((written.Id, "message.created", "r-1", 1L, "hi"), (body.RootElement.GetProperty("id").GetString(), body.RootElement.GetProperty("type").GetString(),
            body.RootElement.GetProperty("roomId").GetString(), body.RootElement.GetProperty("seq").GetInt64(),
            body.RootElement.GetProperty("data").GetProperty("message").GetProperty("text").GetString()));
        Assert.Equal(_time.GetUtcNow(), body.RootElement.GetProperty("createdAt").GetDateTimeOffset());
        _pumps.Verify(p => p.TryWake("wh_a"), Times.Once);
        _pumps.Verify(p => p.TryWake("wh_b"), Times.Once);
        _pumps.Verify(p => p.TryWake("wh_c"), Times.Never);
    }

    [Fact]
    public async Task Publish_WhenTheLogWriteFails_StillReachesTheRealtimeAudience_AndDoesNotThrow()
    {
        Subscriptions(Subscription("wh_a", [WebhookEventTypes.ChatStarted]));
        _log.Setup(l => l.AppendAsync(It.IsAny<LoggedWebhookEvent>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage down"));
        var realtime = new Mock<IRealtimePublisher>();

        await new ChatEventPublisher(realtime.Object, Recorder()).PublishAsync(new ChatEvent.Started(Room), CancellationToken.None);

        realtime.Verify(r => r.SendToUserAsync("v-v-1", RealtimeEvents.ChatStarted, It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Once);
        _pumps.Verify(p => p.TryWake(It.IsAny<string>()), Times.Never);
    }

    private void Subscriptions(params WebhookSubscription[] subscriptions) =>
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(subscriptions);

    private static WebhookSubscription Subscription(string id, string[] events) =>
        new(id, "https://example.com/hook", events, "whsec_x", true, null, "evt_0", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private ChatEventPublisher Publisher() => new(new Mock<IRealtimePublisher>().Object, Recorder());

    private WebhookEventRecorder Recorder() =>
        new(new WebhookSubscriptionCache(_store.Object, Options.Create(new WebhookEventOptions()), _time, NullLogger<WebhookSubscriptionCache>.Instance),
            _log.Object, _pumps.Object, _time, NullLogger<WebhookEventRecorder>.Instance);
}
