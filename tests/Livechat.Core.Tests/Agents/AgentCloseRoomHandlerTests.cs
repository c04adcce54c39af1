using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Agents;

public sealed class AgentCloseRoomHandlerTests
{
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IAgentQueue> _queue = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly Mock<IRoomOrchestrations> _orchestrations = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task HandleAsync_ClaimingAgent_EndsTheRoomWithReasonAgentAndStopsTheOrchestration()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "ann"));
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r);

        var outcome = await Handler().HandleAsync(Ann, RoomId, CancellationToken.None);

        Assert.Equal(new RoomClosed(RoomId, RoomStatus.Ended), outcome.Value);
        _rooms.Verify(r => r.TryReplaceAsync(It.Is<Room>(x => x.Status == RoomStatus.Ended && x.EndReason == EndReasons.ClosedByAgent), It.IsAny<CancellationToken>()));
        var ended = new RoomEndedEvent(RoomId, EndReasons.ClosedByAgent);
        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.ChatEnded, ended, It.IsAny<CancellationToken>()));
        _orchestrations.Verify(o => o.SignalAsync(RoomId, RoomSignal.End(EndReasons.ClosedByAgent), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.RemoveUserFromGroupAsync("a-ann", RealtimeGroups.Room(RoomId), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_WaitingRoom_EndsItAndTakesItOffTheQueue()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting));
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r);

        var outcome = await Handler().HandleAsync(Bob, RoomId, CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        _queue.Verify(q => q.RemoveAsync("sales", RoomId, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_RoomOfAnotherAgent_ReturnsForbiddenAndEndsNothing()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "ann"));

        var outcome = await Handler().HandleAsync(Bob, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, outcome.Problem?.Kind);
        AssertNothingEnded();
    }

    [Fact]
    public async Task HandleAsync_RoomOfAnotherDepartment_ReturnsForbiddenAndEndsNothing()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting));

        var outcome = await Handler().HandleAsync(SupportOnly, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, outcome.Problem?.Kind);
        AssertNothingEnded();
    }

    [Fact]
    public async Task HandleAsync_RoomStillWithTheBot_ReturnsConflict()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Open));

        var outcome = await Handler().HandleAsync(Ann, RoomId, CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        AssertNothingEnded();
    }

    private AgentCloseRoomHandler Handler()
    {
        var closer = new CloseRoomHandler(_rooms.Object, new RoomCloser(_rooms.Object, new ChatEventPublisher(_realtime.Object), _time), _orchestrations.Object);
        return new AgentCloseRoomHandler(_rooms.Object, closer, _queue.Object, _realtime.Object);
    }

    private void AssertNothingEnded()
    {
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        _orchestrations.VerifyNoOtherCalls();
        _realtime.VerifyNoOtherCalls();
    }
}
