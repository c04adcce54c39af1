using Livechat.Core.Common;
using Livechat.Core.CustomFields;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.Options;
using Moq;

namespace Livechat.Core.Tests.Users;

/// <summary>setUserId's moves: what the visitor set goes to the user only once the session is the user's.</summary>
public sealed class SetUserIdHandlerTests
{
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<IUserStore> _users = new();
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<ICustomFieldStore> _fields = new();
    private readonly List<string> _calls = [];
    private readonly VisitorSession _session = new() { SessionId = "s-1", VisitorId = "v-1", OpenRoomId = "r-anon", CreatedAt = DateTimeOffset.UnixEpoch, ETag = "1" };
    private ChatUser _user = new() { UserId = "alice", CreatedAt = DateTimeOffset.UnixEpoch, ETag = "u1" };
    private readonly Room _room = new()
    {
        RoomId = "r-anon", SessionId = "s-1", VisitorId = "v-1", RealtimeUserId = "v-v-1", RecipeId = "welcome", RecipeVersion = 1,
        CreatedAt = DateTimeOffset.UnixEpoch, ETag = "r1",
    };

    public SetUserIdHandlerTests()
    {
        _users.Setup(u => u.GetOrCreateAsync(It.IsAny<ChatUser>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _user);
        _users.Setup(u => u.GetAsync("alice", It.IsAny<CancellationToken>())).ReturnsAsync(() => _user);
        _users.Setup(u => u.TryReplaceAsync(It.IsAny<ChatUser>(), It.IsAny<CancellationToken>()))
            .Callback((ChatUser u, CancellationToken _) => _calls.Add($"user open room {u.OpenRoomId ?? "none"}"))
            .ReturnsAsync((ChatUser u, CancellationToken _) => _user = u with { ETag = "u2" });
        _rooms.Setup(r => r.GetAsync("r-anon", It.IsAny<CancellationToken>())).ReturnsAsync(() => _room);
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()))
            .Callback((Room r, CancellationToken _) => _calls.Add($"room owner {r.UserId}"))
            .ReturnsAsync((Room r, CancellationToken _) => r);
        _fields.Setup(f => f.CopyAsync(It.IsAny<FieldOwner>(), It.IsAny<FieldOwner>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Callback((FieldOwner from, FieldOwner to, bool delete, CancellationToken _) => _calls.Add(delete ? "fields moved" : "fields copied"))
            .Returns(Task.CompletedTask);
        _sessions.Setup(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()))
            .Callback((VisitorSession s, CancellationToken _) => _calls.Add($"session user {s.UserId}"))
            .ReturnsAsync((VisitorSession s, CancellationToken _) => s with { ETag = "2" });
        _sessions.Setup(s => s.GetAsync("s-1", It.IsAny<CancellationToken>())).ReturnsAsync(() => _session);
    }

    [Fact]
    public async Task HandleAsync_AnonymousVisitorWithAnOpenRoom_AdoptsTheRoomFirst_AndMovesTheFieldsOnlyAfterTheLink()
    {
        var outcome = await Handler().HandleAsync(_session, new SetUserIdRequest("alice", null), CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(["fields copied", "room owner alice", "user open room r-anon", "session user alice", "fields moved"], _calls);
    }

    [Fact]
    public async Task HandleAsync_SessionEndedBeforeTheLink_KeepsTheVisitorsFields()
    {
        // A logout in another tab between the checks and the link.
        _sessions.Setup(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>())).ReturnsAsync((VisitorSession?)null);
        _sessions.Setup(s => s.GetAsync("s-1", It.IsAny<CancellationToken>())).ReturnsAsync(_session with { Ended = true });

        var outcome = await Handler().HandleAsync(_session, new SetUserIdRequest("alice", null), CancellationToken.None);

        Assert.Equal(ProblemKind.Unauthorized, outcome.Problem!.Kind);
        Assert.DoesNotContain("fields moved", _calls);
    }

    [Fact]
    public async Task HandleAsync_RoomThatKeepsChangingUnderTheAdoption_StaysTheVisitors_AndTheUserDoesNotPointAtIt()
    {
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room?)null);

        var outcome = await Handler().HandleAsync(_session, new SetUserIdRequest("alice", null), CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.DoesNotContain("user open room r-anon", _calls);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Exactly(OptimisticConcurrency.Budget));
    }

    [Fact]
    public async Task HandleAsync_UserWithAnOpenRoomOfTheirOwn_KeepsIt_TheAnonymousRoomIsNotAdopted()
    {
        _user = _user with { OpenRoomId = "r-mine" };
        _rooms.Setup(r => r.GetAsync("r-mine", It.IsAny<CancellationToken>())).ReturnsAsync(_room with { RoomId = "r-mine", UserId = "alice" });

        await Handler().HandleAsync(_session, new SetUserIdRequest("alice", null), CancellationToken.None);

        Assert.DoesNotContain(_calls, c => c.StartsWith("room owner", StringComparison.Ordinal));
        Assert.Contains("session user alice", _calls);
    }

    [Fact]
    public async Task HandleAsync_BadSignature_ChangesNothing()
    {
        var outcome = await Handler(secret: "a-user-id-secret-of-at-least-32-characters").HandleAsync(_session, new SetUserIdRequest("alice", "00"), CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, outcome.Problem!.Kind);
        Assert.Empty(_calls);
    }

    private SetUserIdHandler Handler(string? secret = null)
    {
        var signature = new UserIdSignature(Options.Create(new IdentityOptions { UserIdSecret = secret, AllowUnverifiedUserIds = secret is null }), TimeProvider.System);
        return new SetUserIdHandler(new SessionUpdater(_sessions.Object), _users.Object, _rooms.Object, _fields.Object, signature,
            new SessionViewHandler(_users.Object, new OpenRoomLocator(_users.Object, _rooms.Object)), TimeProvider.System,
            new ChatEventPublisher(new Mock<IRealtimePublisher>().Object));
    }
}
