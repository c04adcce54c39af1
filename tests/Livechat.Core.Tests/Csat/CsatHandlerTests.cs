using Livechat.Core.Common;
using Livechat.Core.Csat;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Webhooks.Events;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Csat;

public sealed class CsatHandlerTests
{
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
    private readonly VisitorSession _visitor = new() { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch };
    private readonly VisitorSession _stranger = new() { SessionId = "s-9", VisitorId = "v-9", CreatedAt = DateTimeOffset.UnixEpoch };

    public CsatHandlerTests() =>
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r with { ETag = "2" });

    private CsatHandler Handler() => new(_rooms.Object, new ChatEventPublisher(_realtime.Object), _time);

    private void Stored(Room room) => _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(room);

    [Fact]
    public async Task Csat_AfterAnAgentChatEnded_IsStoredOnTheRoom_AndTheDepartmentsAgentsHearIt()
    {
        Stored(Room(RoomStatus.Ended, agentId: "ann"));

        var outcome = await Handler().HandleAsync(_visitor, RoomId, new CsatRequest(4, "  quick and kind "), CancellationToken.None);

        Assert.Equal(new CsatRecorded(RoomId, 4, "quick and kind"), outcome.Value);
        _rooms.Verify(r => r.TryReplaceAsync(It.Is<Room>(x => x.Csat == new CsatAnswer(4, "quick and kind", _time.GetUtcNow()) && x.ETag == "1"), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToGroupAsync(RealtimeGroups.Department("sales"), RealtimeEvents.Csat, new CsatEvent(RoomId, "ann", 4, "quick and kind"), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public async Task Csat_RatingOutOfRange_Is400NamingRating_AndWritesNothing(int? rating)
    {
        Stored(Room(RoomStatus.Ended, agentId: "ann"));
        var outcome = await Handler().HandleAsync(_visitor, RoomId, new CsatRequest(rating, null), CancellationToken.None);
        Assert.Equal("rating", outcome.Problem!.Errors!.Keys.Single());
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Csat_SecondAnswer_Is409()
    {
        Stored(Room(RoomStatus.Ended, agentId: "ann") with { Csat = new CsatAnswer(5, null, DateTimeOffset.UnixEpoch) });
        var outcome = await Handler().HandleAsync(_visitor, RoomId, new CsatRequest(1, null), CancellationToken.None);
        Assert.Equal(ProblemKind.Conflict, outcome.Problem!.Kind);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Csat_ChatWithoutAgent_OrNotEnded_Is409()
    {
        Stored(Room(RoomStatus.Ended));
        Assert.Equal(ProblemKind.Conflict, (await Handler().HandleAsync(_visitor, RoomId, new CsatRequest(3, null), CancellationToken.None)).Problem!.Kind);
        Stored(Room(RoomStatus.Agent, agentId: "ann"));
        Assert.Equal(ProblemKind.Conflict, (await Handler().HandleAsync(_visitor, RoomId, new CsatRequest(3, null), CancellationToken.None)).Problem!.Kind);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Csat_AnotherVisitorsRoom_Is404()
    {
        Stored(Room(RoomStatus.Ended, agentId: "ann"));
        var outcome = await Handler().HandleAsync(_stranger, RoomId, new CsatRequest(5, null), CancellationToken.None);
        Assert.Equal(ProblemKind.NotFound, outcome.Problem!.Kind);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void CsatSubmitted_IsTheWebhookEventCsatSubmitted()
    {
        var room = Room(RoomStatus.Ended, agentId: "ann") with { NextSeq = 9 };
        var mapped = WebhookEvents.For(new ChatEvent.CsatSubmitted(room, new CsatAnswer(2, "slow", DateTimeOffset.UnixEpoch)))!;
        Assert.Equal((WebhookEventTypes.CsatSubmitted, 8L), (mapped.Type, mapped.Seq));
        Assert.Equal(2, ((CsatSubmittedData)mapped.Data).Rating);
    }
}
