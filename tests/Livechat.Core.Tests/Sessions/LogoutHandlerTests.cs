using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Sessions;

public sealed class LogoutHandlerTests
{
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<IUserStore> _users = new();
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IRoomOrchestrations> _orchestrations = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly List<VisitorSession> _saved = [];
    private readonly FakeTimeProvider _time = new();

    public LogoutHandlerTests() =>
        _sessions.Setup(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()))
            .Callback((VisitorSession s, CancellationToken _) => _saved.Add(s))
            .ReturnsAsync((VisitorSession s, CancellationToken _) => s with { ETag = "2" });

    [Fact]
    public async Task HandleAsync_UserWithAnOpenRoom_EndsIt_EndsTheSession_AndTellsTheVisitorsTabsAndTheUsersDevices()
    {
        var session = new VisitorSession { SessionId = "s-1", VisitorId = "v-1", UserId = "alice", CreatedAt = DateTimeOffset.UnixEpoch, ETag = "1" };
        var room = new Room
        {
            RoomId = "r-1", SessionId = "s-1", VisitorId = "v-1", UserId = "alice", RealtimeUserId = "u-alice", RecipeId = "welcome", RecipeVersion = 1,
            CreatedAt = DateTimeOffset.UnixEpoch, ETag = "r1",
        };
        _users.Setup(u => u.GetAsync("alice", It.IsAny<CancellationToken>())).ReturnsAsync(new ChatUser { UserId = "alice", OpenRoomId = "r-1", CreatedAt = DateTimeOffset.UnixEpoch });
        _rooms.Setup(r => r.GetAsync("r-1", It.IsAny<CancellationToken>())).ReturnsAsync(room);
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r);

        var outcome = await Handler().HandleAsync(session, CancellationToken.None);

        Assert.Equal("r-1", outcome.Value!.EndedRoomId);
        _rooms.Verify(r => r.TryReplaceAsync(It.Is<Room>(x => x.Status == RoomStatus.Ended && x.EndReason == EndReasons.Logout), It.IsAny<CancellationToken>()), Times.Once);
        _orchestrations.Verify(o => o.SignalAsync("r-1", It.Is<RoomSignal>(s => s.Kind == RoomSignalKind.End), It.IsAny<CancellationToken>()), Times.Once);
        var ended = Assert.Single(_saved);
        Assert.True(ended.Ended);
        Assert.Null(ended.OpenRoomId);
        _realtime.Verify(p => p.SendToUserAsync("v-v-1", RealtimeEvents.LogoutComplete, new LoggedOut("r-1"), It.IsAny<CancellationToken>()), Times.Once);
        _realtime.Verify(p => p.SendToUserAsync("u-alice", RealtimeEvents.LogoutComplete, new LoggedOut("r-1"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_AnonymousWithoutARoom_EndsTheSessionOnly()
    {
        var session = new VisitorSession { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch, ETag = "1" };

        var outcome = await Handler().HandleAsync(session, CancellationToken.None);

        Assert.Null(outcome.Value!.EndedRoomId);
        Assert.True(Assert.Single(_saved).Ended);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.Verify(p => p.SendToUserAsync("v-v-1", RealtimeEvents.LogoutComplete, new LoggedOut(null), It.IsAny<CancellationToken>()), Times.Once);
        _realtime.VerifyNoOtherCalls();
    }

    private LogoutHandler Handler()
    {
        var events = new ChatEventPublisher(_realtime.Object);
        return new LogoutHandler(new SessionUpdater(_sessions.Object), new OpenRoomLocator(_users.Object, _rooms.Object),
            new CloseRoomHandler(_rooms.Object, new RoomCloser(_rooms.Object, events, _time), _orchestrations.Object), events);
    }
}
