using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Rooms;

public sealed class IdleRoomsTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly Mock<IIdleRoomClocks> _clocks = new();
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IRoomOrchestrations> _orchestrations = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly RoomOptions _options = new() { InactivityTimeout = TimeSpan.FromMinutes(30), AgentInactivityTimeout = TimeSpan.FromHours(24) };
    private readonly IdleRoomClock _clock = new("r-1", Now - TimeSpan.FromSeconds(1));

    public IdleRoomsTests()
    {
        _clocks.Setup(c => c.DueAsync(Now, IdleRooms.MaxPerSweep, It.IsAny<CancellationToken>())).ReturnsAsync([_clock]);
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r with { ETag = "after" });
    }

    [Fact]
    public async Task BotHeldRoom_SilentPastTheTimeout_IsEndedForInactivityAndItsFlowStopped()
    {
        Stored(RoomStatus.Open, lastWrite: Now - TimeSpan.FromMinutes(31));

        var ended = await Sweep().SweepAsync(CancellationToken.None);

        Assert.Equal(1, ended);
        _rooms.Verify(r => r.TryReplaceAsync(It.Is<Room>(x => x.Status == RoomStatus.Ended && x.EndReason == EndReasons.Inactivity && x.ETag == "read"), It.IsAny<CancellationToken>()), Times.Once);
        _realtime.Verify(p => p.SendToUserAsync("rt-1", RealtimeEvents.ChatEnded, It.Is<RoomEndedEvent>(e => e.Reason == EndReasons.Inactivity), It.IsAny<CancellationToken>()), Times.Once);
        _orchestrations.Verify(o => o.SignalAsync("r-1", It.Is<RoomSignal>(s => s.Kind == RoomSignalKind.End), It.IsAny<CancellationToken>()), Times.Once);
        _clocks.Verify(c => c.RemoveAsync(_clock, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task BotHeldRoom_WrittenRecently_StaysOpenAndIsLookedAtAgainWhenItCouldFirstBeIdle()
    {
        var lastWrite = Now - TimeSpan.FromMinutes(10);
        Stored(RoomStatus.Open, lastWrite);

        var ended = await Sweep().SweepAsync(CancellationToken.None);

        Assert.Equal(0, ended);
        _clocks.Verify(c => c.SetAsync(new IdleRoomClock("r-1", lastWrite + TimeSpan.FromMinutes(30)), It.IsAny<CancellationToken>()), Times.Once);
        _clocks.Verify(c => c.RemoveAsync(_clock, It.IsAny<CancellationToken>()), Times.Once);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(RoomStatus.Agent)]
    [InlineData(RoomStatus.Waiting)]
    public async Task RoomWithAgents_PastTheBotsTimeout_KeepsGoingUntilTheAgentTimeout(RoomStatus status)
    {
        var lastWrite = Now - TimeSpan.FromHours(2);
        Stored(status, lastWrite);

        Assert.Equal(0, await Sweep().SweepAsync(CancellationToken.None));

        _clocks.Verify(c => c.SetAsync(new IdleRoomClock("r-1", lastWrite + TimeSpan.FromHours(24)), It.IsAny<CancellationToken>()), Times.Once);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RoomWithAnAgent_SilentPastTheAgentTimeout_IsEnded()
    {
        Stored(RoomStatus.Agent, lastWrite: Now - TimeSpan.FromHours(25));

        Assert.Equal(1, await Sweep().SweepAsync(CancellationToken.None));

        _realtime.Verify(p => p.SendToGroupAsync(RealtimeGroups.Room("r-1"), RealtimeEvents.ChatEnded, It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AgentTimeoutOff_RoomWithAnAgentIsNeverEnded_AndItsClockGoes()
    {
        _options.AgentInactivityTimeout = TimeSpan.Zero;
        Stored(RoomStatus.Agent, lastWrite: Now - TimeSpan.FromDays(9));

        Assert.Equal(0, await Sweep().SweepAsync(CancellationToken.None));

        _clocks.Verify(c => c.RemoveAsync(_clock, It.IsAny<CancellationToken>()), Times.Once);
        _clocks.Verify(c => c.SetAsync(It.IsAny<IdleRoomClock>(), It.IsAny<CancellationToken>()), Times.Never);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RoomWrittenBetweenTheReadAndTheEnd_IsNotEnded_AndKeepsItsClock()
    {
        // A visitor's message landed after the sweep read the room: its ETag no longer matches.
        Stored(RoomStatus.Open, lastWrite: Now - TimeSpan.FromHours(1));
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room?)null);

        Assert.Equal(0, await Sweep().SweepAsync(CancellationToken.None));

        _orchestrations.Verify(o => o.SignalAsync(It.IsAny<string>(), It.IsAny<RoomSignal>(), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.Verify(p => p.SendToUserAsync(It.IsAny<string>(), RealtimeEvents.ChatEnded, It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
        _clocks.Verify(c => c.RemoveAsync(It.IsAny<IdleRoomClock>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RoomAlreadyEnded_LosesItsClockAndIsNotEndedAgain()
    {
        Stored(RoomStatus.Ended, lastWrite: Now - TimeSpan.FromHours(1));

        Assert.Equal(0, await Sweep().SweepAsync(CancellationToken.None));

        _clocks.Verify(c => c.RemoveAsync(_clock, It.IsAny<CancellationToken>()), Times.Once);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(30, 24 * 60, 30)]
    [InlineData(30, 10, 10)]
    [InlineData(30, 0, 30)]
    public async Task WatchAsync_FirstLooksAtANewRoomAfterTheShorterTimeout(int botMinutes, int agentMinutes, int expectedMinutes)
    {
        _options.InactivityTimeout = TimeSpan.FromMinutes(botMinutes);
        _options.AgentInactivityTimeout = TimeSpan.FromMinutes(agentMinutes);
        var room = Room(RoomStatus.Open, null);

        await Sweep().WatchAsync(room, CancellationToken.None);

        _clocks.Verify(c => c.SetAsync(new IdleRoomClock("r-1", room.CreatedAt + TimeSpan.FromMinutes(expectedMinutes)), It.IsAny<CancellationToken>()), Times.Once);
    }

    private void Stored(RoomStatus status, DateTimeOffset lastWrite) =>
        _rooms.Setup(r => r.GetAsync("r-1", It.IsAny<CancellationToken>())).ReturnsAsync(Room(status, lastWrite));

    private static Room Room(RoomStatus status, DateTimeOffset? lastWrite) => new()
    {
        RoomId = "r-1",
        SessionId = "s-1",
        VisitorId = "v-1",
        RealtimeUserId = "rt-1",
        RecipeId = "welcome",
        RecipeVersion = 1,
        Status = status,
        AgentId = status == RoomStatus.Agent ? "ann" : null,
        CreatedAt = Now - TimeSpan.FromDays(10),
        LastWriteAt = lastWrite,
        ETag = "read",
    };

    private IdleRooms Sweep() => new(_clocks.Object, _rooms.Object, new RoomCloser(_rooms.Object, new ChatEventPublisher(_realtime.Object), _time),
        _orchestrations.Object, Options.Create(_options), _time, NullLogger<IdleRooms>.Instance);
}
