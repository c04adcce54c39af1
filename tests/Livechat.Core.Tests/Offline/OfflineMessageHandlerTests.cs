using Livechat.Core.Common;
using Livechat.Core.Offline;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Webhooks.Events;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Offline;

public sealed class OfflineMessageHandlerTests
{
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
    private readonly VisitorSession _visitor = new() { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch };
    private Room _stored = Room(RoomStatus.Waiting) with { Offline = OfflineState.Offered };

    public OfflineMessageHandlerTests()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(() => _stored);
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => _stored = r with { ETag = "2" });
        SetupAppend(_rooms);
    }

    private OfflineMessageHandler Handler()
    {
        var events = new ChatEventPublisher(_realtime.Object);
        return new OfflineMessageHandler(_rooms.Object, new RoomCloser(_rooms.Object, events, _time), events, Options.Create(new RoomOptions()), _time);
    }

    [Fact]
    public async Task Leave_OnAnOfferedRoom_StoresTheMessageInTheTranscript_TheContactOnTheRoom_AndEndsIt()
    {
        var outcome = await Handler().HandleAsync(_visitor, RoomId, new OfflineMessageRequest(" Vera ", "vera@example.com", " Call me back "), CancellationToken.None);

        Assert.Equal(new OfflineMessageLeft(RoomId, "sales", OfflineState.Left), outcome.Value);
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.Is<NewMessage>(m => m.Sender == Sender.Visitor && m.Text == "Call me back"), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()));
        Assert.Equal((OfflineState.Left, new VisitorContact("Vera", "vera@example.com"), RoomStatus.Ended, EndReasons.Offline),
            (_stored.Offline, _stored.Contact, _stored.Status, _stored.EndReason));
        _realtime.Verify(p => p.SendToGroupAsync(RealtimeGroups.Department("sales"), RealtimeEvents.OfflineMessage,
            It.Is<OfflineMessageEvent>(e => e.Name == "Vera" && e.Email == "vera@example.com" && e.Message == "Call me back"), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData("", "vera@example.com", "hi", "name")]
    [InlineData("Vera", "not-an-address", "hi", "email")]
    [InlineData("Vera", "a@b", "hi", "email")]
    [InlineData("Vera", null, "hi", "email")]
    [InlineData("Vera", "vera@example.com", "   ", "message")]
    public async Task Leave_BadField_Is400NamingIt_AndWritesNothing(string? name, string? email, string? message, string field)
    {
        var outcome = await Handler().HandleAsync(_visitor, RoomId, new OfflineMessageRequest(name, email, message), CancellationToken.None);
        Assert.Equal(field, outcome.Problem!.Errors!.Keys.Single());
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Leave_RoomNotOffered_OrAlreadyLeft_Is409_AnotherVisitors_Is404()
    {
        _stored = Room(RoomStatus.Waiting);
        Assert.Equal(ProblemKind.Conflict, (await Handler().HandleAsync(_visitor, RoomId, new OfflineMessageRequest("V", "v@x.io", "m"), CancellationToken.None)).Problem!.Kind);
        _stored = Room(RoomStatus.Ended) with { Offline = OfflineState.Left };
        Assert.Equal(ProblemKind.Conflict, (await Handler().HandleAsync(_visitor, RoomId, new OfflineMessageRequest("V", "v@x.io", "m"), CancellationToken.None)).Problem!.Kind);
        _stored = Room(RoomStatus.Waiting) with { Offline = OfflineState.Offered };
        var stranger = new VisitorSession { SessionId = "s-9", VisitorId = "v-9", CreatedAt = DateTimeOffset.UnixEpoch };
        Assert.Equal(ProblemKind.NotFound, (await Handler().HandleAsync(stranger, RoomId, new OfflineMessageRequest("V", "v@x.io", "m"), CancellationToken.None)).Problem!.Kind);
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void OfflineMessageLeft_IsTheWebhookEventOfflineMessageCreated()
    {
        var message = new ChatMessage { Id = "m-1", RoomId = RoomId, Seq = 1, Sender = Sender.Visitor, Text = "hi", SentAt = DateTimeOffset.UnixEpoch };
        var mapped = WebhookEvents.For(new ChatEvent.OfflineMessageLeft(Room(RoomStatus.Waiting), new VisitorContact("V", "v@x.io"), message))!;
        Assert.Equal(WebhookEventTypes.OfflineMessageCreated, mapped.Type);
        Assert.Equal("v@x.io", ((OfflineMessageCreatedData)mapped.Data).Email);
    }
}
