using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Agents;

public sealed class ClaimRoomHandlerTests
{
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IAgentQueue> _queue = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly Mock<IAgentActivityStore> _activity = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));

    [Fact]
    public async Task HandleAsync_WaitingRoom_ClaimsItLeavesTheQueueAndTellsVisitorAndAgents()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting));
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r with { ETag = "2" });
        SetupAppend(_rooms);

        var outcome = await Handler().HandleAsync(Ann, RoomId, CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(new RoomClaimed(RoomId, "sales", RoomStatus.Agent, "ann"), outcome.Value);
        _rooms.Verify(r => r.TryReplaceAsync(It.Is<Room>(x => x.Status == RoomStatus.Agent && x.AgentId == "ann" && x.ETag == "1"), It.IsAny<CancellationToken>()));
        _queue.Verify(q => q.RemoveAsync("sales", RoomId, It.IsAny<CancellationToken>()));
        _activity.Verify(a => a.AddHeldRoomAsync("ann", RoomId, It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.AddUserToGroupAsync("a-ann", RealtimeGroups.Room(RoomId), It.Is<TimeSpan?>(ttl => ttl > TimeSpan.Zero), It.IsAny<CancellationToken>()));
        _rooms.Verify(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.Is<NewMessage>(m => m.Sender == Sender.System && m.Text == "Ann joined the chat"),
            _time.GetUtcNow(), It.IsAny<CancellationToken>()));
        var joined = new AgentJoinedEvent(RoomId, "Ann");
        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.AgentJoined, joined, It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToGroupAsync(RealtimeGroups.Room(RoomId), RealtimeEvents.AgentJoined, joined, It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToGroupAsync(RealtimeGroups.Department("sales"), RealtimeEvents.RoomClaimed,
            new RoomClaimedEvent(RoomId, "sales", "ann", "Ann"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_RoomInGerman_TheVisitorReadsTheJoinedLineInGerman()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting) with { Language = "de-AT" });
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r with { ETag = "2" });
        SetupAppend(_rooms);

        await Handler().HandleAsync(Ann, RoomId, CancellationToken.None);

        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.Message,
            It.Is<ChatMessage>(m => m.Sender == Sender.System && m.Text == "Ann ist dem Chat beigetreten"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_VisitorLeftBetweenClaimAndJoin_ReturnsConflictAndAnnouncesNoJoin()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting));
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r with { ETag = "2" });
        _rooms.Setup(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AppendOutcome.RoomEnded);

        var outcome = await Handler().HandleAsync(Ann, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        _realtime.Verify(p => p.SendToUserAsync(It.IsAny<string>(), RealtimeEvents.AgentJoined, It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.Verify(p => p.SendToGroupAsync(It.IsAny<string>(), RealtimeEvents.RoomClaimed, It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_RoomOfAnotherDepartment_ReturnsForbiddenAndChangesNothing()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting, department: "sales"));

        var outcome = await Handler().HandleAsync(SupportOnly, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, outcome.Problem?.Kind);
        AssertNothingChanged();
    }

    [Fact]
    public async Task HandleAsync_RoomWithoutDepartment_ReturnsForbidden()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting, department: null));

        var outcome = await Handler().HandleAsync(Ann, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, outcome.Problem?.Kind);
        AssertNothingChanged();
    }

    [Fact]
    public async Task HandleAsync_RoomClaimedByAnotherAgent_ReturnsConflictAndChangesNothing()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "ann"));

        var outcome = await Handler().HandleAsync(Bob, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        AssertNothingChanged();
    }

    [Fact]
    public async Task HandleAsync_AnotherAgentWinsTheRace_ReturnsConflict()
    {
        // Bob reads the room waiting, Ann's claim lands first, so Bob's conditional write fails and the re-read shows Ann.
        _rooms.SetupSequence(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Room(RoomStatus.Waiting))
            .ReturnsAsync(Room(RoomStatus.Agent, agentId: "ann", etag: "2"));
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room?)null);

        var outcome = await Handler().HandleAsync(Bob, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        _queue.VerifyNoOtherCalls();
        _realtime.VerifyNoOtherCalls();
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_SameAgentAgain_FinishesTheClaimWithoutWritingTheRoom()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "ann"));
        SetupAppend(_rooms);

        var outcome = await Handler().HandleAsync(Ann, RoomId, CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.AgentJoined, It.IsAny<object>(), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData(RoomStatus.Open)]
    [InlineData(RoomStatus.Ended)]
    public async Task HandleAsync_RoomNotWaiting_ReturnsConflict(RoomStatus status)
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(status));

        var outcome = await Handler().HandleAsync(Ann, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        AssertNothingChanged();
    }

    [Fact]
    public async Task HandleAsync_MissingRoom_ReturnsNotFound()
    {
        var outcome = await Handler().HandleAsync(Ann, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, outcome.Problem?.Kind);
        AssertNothingChanged();
    }

    private ClaimRoomHandler Handler() => new(_rooms.Object, _queue.Object, _realtime.Object, new ChatEventPublisher(_realtime.Object), _activity.Object, _time, NullLogger<ClaimRoomHandler>.Instance);

    private void AssertNothingChanged()
    {
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _queue.VerifyNoOtherCalls();
        _realtime.VerifyNoOtherCalls();
    }
}
