using Livechat.Core.Agents;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Routing;

public sealed class QueuePositionsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Mock<IAgentQueue> _queue = new();
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IAgentTokenStore> _tokens = new();
    private readonly Mock<IAgentRoutingStore> _routing = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(At);

    private QueuePositions Positions()
    {
        var options = Options.Create(new RoutingOptions { SecondsPerQueuedChat = TimeSpan.FromMinutes(2) });
        return new QueuePositions(_queue.Object, _rooms.Object, new AgentRoster(_tokens.Object, _routing.Object, _rooms.Object, options, _time),
            new ChatEventPublisher(_realtime.Object), options);
    }

    [Theory]
    [InlineData(1, 1, 120)]
    [InlineData(3, 1, 360)]
    [InlineData(3, 2, 240)]
    [InlineData(4, 2, 240)]
    [InlineData(2, 0, 240)]
    public void EstimateSeconds_PositionOverAgentsOnline_RoundedUpTimesTheUnit(int position, int online, int expected) =>
        Assert.Equal(expected, Positions().EstimateSeconds(position, online));

    [Fact]
    public async Task PublishAsync_TellsEachWaitingVisitorTheirPlace_SkippingRoomsNoLongerWaiting()
    {
        _queue.Setup(q => q.ListWaitingAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync([
            new QueuedRoom("r-1", "sales", null, At), new QueuedRoom("r-gone", "sales", null, At.AddSeconds(1)), new QueuedRoom("r-2", "sales", null, At.AddSeconds(2))]);
        _rooms.Setup(r => r.GetAsync("r-1", It.IsAny<CancellationToken>())).ReturnsAsync(Room("r-1", RoomStatus.Waiting));
        _rooms.Setup(r => r.GetAsync("r-gone", It.IsAny<CancellationToken>())).ReturnsAsync(Room("r-gone", RoomStatus.Agent));
        _rooms.Setup(r => r.GetAsync("r-2", It.IsAny<CancellationToken>())).ReturnsAsync(Room("r-2", RoomStatus.Waiting));
        _tokens.Setup(t => t.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new AgentTokenRecord("ann", "t", "Ann", ["sales"], At, At.AddHours(1))]);
        _routing.Setup(r => r.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([AgentRouting.New("ann") with { Status = PresenceStatus.Online, LastSeenAt = At }]);

        await Positions().PublishAsync("sales", CancellationToken.None);

        _realtime.Verify(p => p.SendToUserAsync("v-r-1", RealtimeEvents.QueuePosition, new QueuePositionEvent("r-1", 1, 120), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToUserAsync("v-r-2", RealtimeEvents.QueuePosition, new QueuePositionEvent("r-2", 2, 240), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToUserAsync("v-r-gone", It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
        // Only the visitor: the department's agents never hear a visitor's place.
        _realtime.Verify(p => p.SendToGroupAsync(It.IsAny<string>(), RealtimeEvents.QueuePosition, It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task PublishAsync_CalledAgainWhileTelling_FoldsIntoOneMoreRoundThatSeesTheLatestQueue()
    {
        var gate = new TaskCompletionSource();
        var lists = 0;
        _queue.Setup(q => q.ListWaitingAsync("sales", It.IsAny<CancellationToken>())).Returns(async () =>
        {
            if (Interlocked.Increment(ref lists) == 1) await gate.Task;
            return lists == 1 ? [new QueuedRoom("r-1", "sales", null, At)] : [new QueuedRoom("r-2", "sales", null, At)];
        });
        _rooms.Setup(r => r.GetAsync("r-1", It.IsAny<CancellationToken>())).ReturnsAsync(Room("r-1", RoomStatus.Waiting));
        _rooms.Setup(r => r.GetAsync("r-2", It.IsAny<CancellationToken>())).ReturnsAsync(Room("r-2", RoomStatus.Waiting));
        _tokens.Setup(t => t.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _routing.Setup(r => r.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var positions = Positions();

        var first = positions.PublishAsync("sales", CancellationToken.None);
        var more = Enumerable.Range(0, 5).Select(_ => positions.PublishAsync("sales", CancellationToken.None)).ToList();
        await Task.WhenAll(more);
        gate.SetResult();
        await first;

        Assert.Equal(2, lists);
        _realtime.Verify(p => p.SendToUserAsync("v-r-2", RealtimeEvents.QueuePosition, new QueuePositionEvent("r-2", 1, 120), It.IsAny<CancellationToken>()));
        // Idle again: the next change is told by its own caller.
        await positions.PublishAsync("sales", CancellationToken.None);
        Assert.Equal(3, lists);
    }

    [Fact]
    public async Task OfAsync_CountsOnlyTheRoomsAheadThatStillWait()
    {
        _queue.Setup(q => q.ListWaitingAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync([
            new QueuedRoom("r-1", "sales", null, At), new QueuedRoom("r-gone", "sales", null, At.AddSeconds(1)), new QueuedRoom("r-2", "sales", null, At.AddSeconds(2))]);
        _rooms.Setup(r => r.GetAsync("r-1", It.IsAny<CancellationToken>())).ReturnsAsync(Room("r-1", RoomStatus.Waiting));
        _rooms.Setup(r => r.GetAsync("r-gone", It.IsAny<CancellationToken>())).ReturnsAsync(Room("r-gone", RoomStatus.Agent));
        _tokens.Setup(t => t.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _routing.Setup(r => r.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);

        Assert.Equal(new QueuePositionEvent("r-2", 2, 240), await Positions().OfAsync(Room("r-2", RoomStatus.Waiting), CancellationToken.None));
        Assert.Null(await Positions().OfAsync(Room("r-2", RoomStatus.Agent), CancellationToken.None));
        Assert.Null(await Positions().OfAsync(Room("r-other", RoomStatus.Waiting), CancellationToken.None));
    }

    [Fact]
    public async Task PublishAsync_CountsTheAgentsOnline_WithoutReadingTheChatsTheyHold()
    {
        _queue.Setup(q => q.ListWaitingAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync([new QueuedRoom("r-1", "sales", null, At)]);
        _rooms.Setup(r => r.GetAsync("r-1", It.IsAny<CancellationToken>())).ReturnsAsync(Room("r-1", RoomStatus.Waiting));
        _tokens.Setup(t => t.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([
            new AgentTokenRecord("ann", "t1", "Ann", ["sales"], At, At.AddHours(1)), new AgentTokenRecord("bob", "t2", "Bob", ["sales"], At, At.AddHours(1))]);
        _routing.Setup(r => r.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([
            AgentRouting.New("ann") with { Status = PresenceStatus.Online, LastSeenAt = At, RoomIds = ["held-1", "held-2"] },
            AgentRouting.New("bob") with { Status = PresenceStatus.Online, LastSeenAt = At, RoomIds = ["held-3"] }]);

        await Positions().PublishAsync("sales", CancellationToken.None);

        // Two online: place 1 waits one unit. A position round is one queue list, its rooms, and the roster's two lists.
        _realtime.Verify(p => p.SendToUserAsync("v-r-1", RealtimeEvents.QueuePosition, new QueuePositionEvent("r-1", 1, 120), It.IsAny<CancellationToken>()));
        _rooms.Verify(r => r.GetAsync(It.Is<string>(id => id.StartsWith("held-", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static Room Room(string id, RoomStatus status) => new()
    {
        RoomId = id,
        SessionId = "s-" + id,
        VisitorId = id,
        RealtimeUserId = "v-" + id,
        RecipeId = "welcome",
        RecipeVersion = 1,
        Department = "sales",
        Status = status,
        AgentId = status == RoomStatus.Agent ? "bob" : null,
        CreatedAt = At,
    };
}
