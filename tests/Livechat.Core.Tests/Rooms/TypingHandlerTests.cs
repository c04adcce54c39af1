using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Rooms;

public sealed class TypingHandlerTests : IDisposable
{
    private const string RoomId = "r-1";
    private static readonly VisitorSession Session = new() { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch };
    private static readonly AgentIdentity Ann = new("ann", "Ann", ["sales"], DateTimeOffset.MaxValue);
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
    private readonly RoomSnapshots _snapshots;
    private readonly TypingHandler _typing;

    public TypingHandlerTests()
    {
        _snapshots = new RoomSnapshots(_rooms.Object);
        _typing = new TypingHandler(_snapshots, _rooms.Object, new ChatEventPublisher(_realtime.Object), _time);
    }

    [Fact]
    public async Task Visitor_InARoomWithAnAgent_IsHeardByTheRoomsAgents_AtMostOncePerInterval()
    {
        Stored(RoomStatus.Agent);

        var first = await _typing.VisitorAsync(Session, RoomId, CancellationToken.None);
        var second = await _typing.VisitorAsync(Session, RoomId, CancellationToken.None);
        _time.Advance(TypingHandler.Interval);
        var third = await _typing.VisitorAsync(Session, RoomId, CancellationToken.None);

        Assert.True(first.Value!.Delivered);
        Assert.False(second.Value!.Delivered);
        Assert.True(third.Value!.Delivered);
        _realtime.Verify(r => r.SendToGroupAsync(RealtimeGroups.Room(RoomId), RealtimeEvents.Typing,
            It.Is<TypingEvent>(e => e.RoomId == RoomId && e.Sender == "visitor"), It.IsAny<CancellationToken>()), Times.Exactly(2));
        _realtime.Verify(r => r.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Visitor_InTheBotsRoom_TellsNobody_AndStoresNothing()
    {
        Stored(RoomStatus.Open);

        var outcome = await _typing.VisitorAsync(Session, RoomId, CancellationToken.None);

        Assert.False(outcome.Value!.Delivered);
        _realtime.VerifyNoOtherCalls();
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Visitor_OfAnotherVisitorsRoom_Gets404_AndNobodyHearsAnything()
    {
        Stored(RoomStatus.Agent);

        var outcome = await _typing.VisitorAsync(Session with { VisitorId = "v-2" }, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, outcome.Problem?.Kind);
        _realtime.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Agent_WhoHoldsTheRoom_IsHeardByTheVisitorOnly()
    {
        Stored(RoomStatus.Agent);

        var outcome = await _typing.AgentAsync(Ann, RoomId, CancellationToken.None);

        Assert.True(outcome.Value!.Delivered);
        _realtime.Verify(r => r.SendToUserAsync("v-v-1", RealtimeEvents.Typing,
            It.Is<TypingEvent>(e => e.Sender == "agent"), It.IsAny<CancellationToken>()), Times.Once);
        _realtime.Verify(r => r.SendToGroupAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Agent_WhoDoesNotHoldTheRoom_Is403()
    {
        Stored(RoomStatus.Agent, agentId: "bob");

        var outcome = await _typing.AgentAsync(Ann, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, outcome.Problem?.Kind);
        _realtime.VerifyNoOtherCalls();
    }

    private void Stored(RoomStatus status, string agentId = "ann") =>
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(new Room
        {
            RoomId = RoomId, SessionId = "s-1", VisitorId = "v-1", RealtimeUserId = "v-v-1", RecipeId = "welcome", RecipeVersion = 1,
            Status = status, AgentId = status == RoomStatus.Agent ? agentId : null, Department = "sales", ETag = "1",
            CreatedAt = DateTimeOffset.UnixEpoch,
        });

    public void Dispose()
    {
        _typing.Dispose();
        _snapshots.Dispose();
    }
}
