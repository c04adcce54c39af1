using Livechat.Core.Common;
using Livechat.Core.CustomFields;
using Livechat.Core.Limits;
using Livechat.Core.Realtime;
using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Tests.Limits;
using Livechat.Core.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Rooms;

public sealed class OpenRoomHandlerTests
{
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IRecipeStore> _recipes = new();
    private readonly Mock<IUserStore> _users = new();
    private readonly Mock<ICustomFieldStore> _fields = new();
    private readonly Mock<IRoomOrchestrations> _orchestrations = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));
    private readonly RoomOptions _roomOptions = new() { InactivityTimeout = TimeSpan.FromMinutes(7), TurnsPerGeneration = 5 };
    private readonly LimitOptions _limits = new();
    private readonly InMemoryRateCounterStore _counters = new();
    private static readonly ClientKey Office = new("203.0.113.7");

    /// <summary>The stored session and rooms, with ETags, as the table stores keep them.</summary>
    private VisitorSession _storedSession = new() { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch, ETag = "1" };
    private readonly Dictionary<string, Room> _storedRooms = [];
    private readonly IdleRooms _idle;

    public OpenRoomHandlerTests()
    {
        _idle = new IdleRooms(new Mock<IIdleRoomClocks>().Object, _rooms.Object, new RoomCloser(_rooms.Object, new ChatEventPublisher(_realtime.Object), _time),
            _orchestrations.Object, Options.Create(_roomOptions), _time, NullLogger<IdleRooms>.Instance);
        _sessions.Setup(s => s.GetAsync("s-1", It.IsAny<CancellationToken>())).ReturnsAsync(() => _storedSession);
        _sessions.Setup(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VisitorSession s, CancellationToken _) =>
            {
                if (s.ETag != _storedSession.ETag) return null;
                _storedSession = s with { ETag = (int.Parse(s.ETag!) + 1).ToString() };
                return _storedSession;
            });
        _rooms.Setup(r => r.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => _storedRooms.GetValueOrDefault(id));
        _rooms.Setup(r => r.CreateAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room room, CancellationToken _) =>
            {
                if (_storedRooms.TryGetValue(room.RoomId, out var existing)) return (existing, false);
                _storedRooms[room.RoomId] = room with { ETag = "1" };
                return (_storedRooms[room.RoomId], true);
            });
        _recipes.Setup(r => r.GetLatestAsync(WelcomeRecipe.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(WelcomeRecipe.Create() with { Version = 3 });
        _fields.Setup(f => f.ListAsync(It.IsAny<FieldOwner>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _rooms.Setup(r => r.AppendAllAsync(It.IsAny<Room>(), It.IsAny<IReadOnlyList<NewMessage>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room room, IReadOnlyList<NewMessage> messages, DateTimeOffset at, CancellationToken _) =>
            {
                _greetings.AddRange(messages.Select(m => (room.RoomId, m)));
                return AppendOutcome.Of(messages.Select((m, i) => new AppendResult(
                    new ChatMessage { Id = $"m-{i}", RoomId = room.RoomId, Seq = room.NextSeq + i, Sender = m.Sender, Text = m.Text, SentAt = at },
                    Duplicate: false, room with { NextSeq = room.NextSeq + messages.Count })).ToList());
            });
    }

    /// <summary>What was appended to the transcripts, by room.</summary>
    private readonly List<(string RoomId, NewMessage Message)> _greetings = [];

    private static Recipe WebhookFirst() => new()
    {
        Id = WelcomeRecipe.Id,
        Version = 4,
        Name = "Looks the visitor up",
        StartBlockId = "lookup",
        Blocks = [new RecipeBlock { Id = "lookup", Type = BlockTypes.Webhook, Url = "https://crm.example.com/hook", Next = "done" }, new RecipeBlock { Id = "done", Type = BlockTypes.End }],
    };

    [Fact]
    public async Task HandleAsync_NoOpenRoom_ClaimsSessionCreatesRoomAndGreets_WithoutStartingAnOrchestration()
    {
        var outcome = await HandleAsync(_storedSession);

        Assert.True(outcome.IsSuccess);
        var opened = outcome.Value!;
        Assert.True(opened.Created);
        Assert.Equal(RoomStatus.Open, opened.Status);
        Assert.True(Ids.IsSafe(opened.RoomId));
        Assert.Equal(opened.RoomId, _storedSession.OpenRoomId);
        var room = Assert.Single(_storedRooms.Values);
        Assert.Equal(opened.RoomId, room.RoomId);
        Assert.Equal("s-1", room.SessionId);
        Assert.Equal("v-1", room.VisitorId);
        Assert.Equal("v-v-1", room.RealtimeUserId);
        Assert.Equal(WelcomeRecipe.Id, room.RecipeId);
        Assert.Equal(3, room.RecipeVersion);
        Assert.Equal(_time.GetUtcNow(), room.CreatedAt);
        // The greeting is in the transcript and the flow waits at the menu, with no orchestration until the visitor answers.
        Assert.Equal(new DeferredFlow("menu"), room.DeferredFlow);
        Assert.Equal(["Hi there! 👋 Welcome to our chat.", "How can we help you today?"], _greetings.Where(g => g.RoomId == opened.RoomId).Select(g => g.Message.Text));
        Assert.All(_greetings, g => Assert.Equal(Sender.Bot, g.Message.Sender));
        _orchestrations.Verify(o => o.StartAsync(It.IsAny<RoomOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.Verify(p => p.SendToUserAsync("v-v-1", RealtimeEvents.ChatStarted, new RoomEvent(opened.RoomId), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_RecipeStartsWithAWebhook_StartsTheOrchestrationAtOnce_AndGreetsNothingItself()
    {
        _recipes.Setup(r => r.GetLatestAsync(WelcomeRecipe.Id, It.IsAny<CancellationToken>())).ReturnsAsync(WebhookFirst());

        var opened = (await HandleAsync(_storedSession)).Value!;

        Assert.Null(Assert.Single(_storedRooms.Values).DeferredFlow);
        Assert.Empty(_greetings);
        _orchestrations.Verify(o => o.StartAsync(
            new RoomOrchestrationInput(opened.RoomId, 5, null) { Deferred = false }, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_NewRooms_MakeSureTheIdleSweepRuns_OncePerProcessEveryFewMinutes()
    {
        await HandleAsync(_storedSession);
        _storedSession = _storedSession with { OpenRoomId = null };
        await HandleAsync(_storedSession);
        _orchestrations.Verify(o => o.EnsureIdleSweepAsync(It.IsAny<CancellationToken>()), Times.Once);

        _time.Advance(IdleRooms.EnsureEvery);
        _storedSession = _storedSession with { OpenRoomId = null };
        await HandleAsync(_storedSession);

        Assert.Equal(3, _storedRooms.Count);
        _orchestrations.Verify(o => o.EnsureIdleSweepAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task HandleAsync_SessionChoseRecipe_PinsThatRecipesLatestVersion()
    {
        _storedSession = _storedSession with { RecipeId = "sales" };
        _recipes.Setup(r => r.GetLatestAsync("sales", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Recipe { Id = "sales", Version = 8, Name = "Sales", StartBlockId = "x", Blocks = [] });

        var outcome = await HandleAsync(_storedSession);

        var room = Assert.Single(_storedRooms.Values);
        Assert.Equal(outcome.Value!.RoomId, room.RoomId);
        Assert.Equal("sales", room.RecipeId);
        Assert.Equal(8, room.RecipeVersion);
    }

    [Fact]
    public async Task HandleAsync_PreviewSession_RunsTheSnapshotWhileItLives_AndNoRoomAfterItsLifetime()
    {
        const string previewId = RecipePreview.Prefix + "abc";
        _storedSession = _storedSession with { RecipeId = previewId };
        var snapshot = WelcomeRecipe.Create() with { Id = previewId, Version = 1, Name = "Draft of faq" };
        _recipes.Setup(r => r.GetPreviewAsync(previewId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecipePreview(snapshot, "faq", _time.GetUtcNow().AddMinutes(5)));

        await HandleAsync(_storedSession);

        var room = Assert.Single(_storedRooms.Values);
        Assert.Equal((previewId, 1), (room.RecipeId, room.RecipeVersion));
        _recipes.Verify(r => r.GetLatestAsync(previewId, It.IsAny<CancellationToken>()), Times.Never);

        _storedRooms.Clear();
        _storedSession = _storedSession with { OpenRoomId = null };
        _time.Advance(TimeSpan.FromMinutes(6));
        var late = await HandleAsync(_storedSession);

        Assert.Equal(ProblemKind.NotFound, late.Problem?.Kind);
        Assert.Empty(_storedRooms);
    }

    [Fact]
    public async Task HandleAsync_DepartmentAndRecipeThePageChose_AreMarkedAsThePagesWord()
    {
        _storedSession = _storedSession with { Department = "sales" };

        await HandleAsync(_storedSession);

        var room = Assert.Single(_storedRooms.Values);
        Assert.Equal([PageAssertions.Department], room.PageAsserted);
        Assert.False(room.UserVerified);
    }

    [Fact]
    public async Task HandleAsync_RecipeMissing_ReturnsNotFoundNamingRecipeIdAndStartsNothing()
    {
        _storedSession = _storedSession with { RecipeId = "gone" };

        var outcome = await HandleAsync(_storedSession);

        Assert.Equal(ProblemKind.NotFound, outcome.Problem?.Kind);
        Assert.Contains("recipeId", outcome.Problem!.Errors!.Keys);
        Assert.Empty(_storedRooms);
        _orchestrations.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(RoomStatus.Open)]
    [InlineData(RoomStatus.Waiting)]
    [InlineData(RoomStatus.Agent)]
    public async Task HandleAsync_SessionHasOpenRoom_ReturnsItWithoutCreating(RoomStatus status)
    {
        _storedRooms["r-open"] = NewRoom("r-open", status);
        _storedSession = _storedSession with { OpenRoomId = "r-open" };

        var outcome = await HandleAsync(_storedSession);

        Assert.Equal(new RoomOpened("r-open", status, Created: false), outcome.Value);
        _rooms.Verify(r => r.CreateAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        _sessions.Verify(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()), Times.Never);
        _orchestrations.VerifyNoOtherCalls();
        _realtime.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_SessionsRoomHasEnded_OpensANewRoom()
    {
        _storedRooms["r-old"] = NewRoom("r-old", RoomStatus.Ended);
        _storedSession = _storedSession with { OpenRoomId = "r-old" };

        var outcome = await HandleAsync(_storedSession);

        Assert.True(outcome.Value!.Created);
        Assert.NotEqual("r-old", outcome.Value.RoomId);
        Assert.Equal(outcome.Value.RoomId, _storedSession.OpenRoomId);
        Assert.Equal(2, _storedRooms.Count);
        Assert.Equal(2, _greetings.Count(g => g.RoomId == outcome.Value.RoomId));
    }

    [Fact]
    public async Task HandleAsync_SessionETagConflict_ConvergesOnTheOtherRequestsRoom()
    {
        // Two tabs read the same session, then open the widget one after the other.
        var readByFirstTab = _storedSession;
        var readBySecondTab = _storedSession;

        var first = await HandleAsync(readByFirstTab);
        var second = await HandleAsync(readBySecondTab);

        Assert.True(first.Value!.Created);
        Assert.False(second.Value!.Created);
        Assert.Equal(first.Value.RoomId, second.Value.RoomId);
        _rooms.Verify(r => r.CreateAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(2, _greetings.Count);
        _sessions.Verify(s => s.GetAsync("s-1", It.IsAny<CancellationToken>()), Times.Once);
        Assert.Single(_storedRooms);
    }

    [Fact]
    public async Task HandleAsync_RoomClaimedButNotYetCreated_FinishesItUnderTheClaimedId()
    {
        // Another request claimed r-claimed on the session and died (or is still running) before creating the room.
        _storedSession = _storedSession with { OpenRoomId = "r-claimed", ETag = "2" };

        var outcome = await HandleAsync(_storedSession);

        Assert.Equal("r-claimed", outcome.Value!.RoomId);
        Assert.Equal("r-claimed", Assert.Single(_storedRooms.Keys));
        Assert.Equal(["r-claimed", "r-claimed"], _greetings.Select(g => g.RoomId));
        _sessions.Verify(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_AddressOverItsNewChatLimit_Returns429_ClaimsAndStartsNothing()
    {
        _limits.RoomsPerAddressPerHour = 1;
        _storedRooms["r-old"] = NewRoom("r-old", RoomStatus.Open);
        await HandleAsync(_storedSession with { OpenRoomId = "r-old" });
        Assert.Equal(0, _counters.CountOf("rooms-address"));
        Assert.True((await HandleAsync(_storedSession)).Value!.Created);
        _storedRooms[_storedSession.OpenRoomId!] = _storedRooms[_storedSession.OpenRoomId!] with { Status = RoomStatus.Ended };
        var claimed = _storedSession;

        var refused = await HandleAsync(_storedSession);

        Assert.Equal(ProblemKind.TooManyRequests, refused.Problem?.Kind);
        Assert.Equal(claimed, _storedSession);
        Assert.Equal(2, _storedRooms.Count);
        // Only the allowed room was greeted.
        Assert.Equal(2, _greetings.Count);
    }

    [Fact]
    public async Task HandleAsync_SessionKeepsChanging_ReturnsConflictWithoutCreating()
    {
        _sessions.Setup(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>())).ReturnsAsync((VisitorSession?)null);

        var outcome = await HandleAsync(_storedSession);

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        Assert.Empty(_storedRooms);
        _orchestrations.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_GermanVisitor_GreetsInGermanAndKeepsTheLanguageOnTheRoom()
    {
        var recipe = WelcomeRecipe.Create() with { Version = 3 };
        recipe = recipe with
        {
            Blocks = [.. recipe.Blocks.Select(b => b.Id == "greet" ? b with { Variants = new Dictionary<string, BlockVariant> { ["de"] = new() { Text = "Hallo! 👋" } } } : b)],
        };
        _recipes.Setup(r => r.GetLatestAsync(WelcomeRecipe.Id, It.IsAny<CancellationToken>())).ReturnsAsync(recipe);

        var opened = (await HandleAsync(_storedSession, new OpenRoomRequest("DE-at"))).Value!;

        Assert.Equal("de-AT", _storedRooms[opened.RoomId].Language);
        Assert.Equal(["Hallo! 👋", "Wie können wir Ihnen heute helfen?"], _greetings.Select(g => g.Message.Text));
    }

    [Theory]
    [InlineData("german")]
    [InlineData("de_DE")]
    [InlineData("")]
    public async Task HandleAsync_MalformedLanguage_Returns400NamingItAndOpensNothing(string language)
    {
        var outcome = await HandleAsync(_storedSession, new OpenRoomRequest(language));

        Assert.Equal(ProblemKind.Validation, outcome.Problem?.Kind);
        Assert.Contains("language", outcome.Problem!.Errors!.Keys);
        Assert.Empty(_storedRooms);
        Assert.Null(_storedSession.OpenRoomId);
        _orchestrations.VerifyNoOtherCalls();
    }

    private Task<Outcome<RoomOpened>> HandleAsync(VisitorSession session, OpenRoomRequest? request = null) =>
        new OpenRoomHandler(_sessions.Object, _users.Object, _rooms.Object, _recipes.Object, _fields.Object, _orchestrations.Object, new ChatEventPublisher(_realtime.Object),
                Options.Create(_roomOptions), Options.Create(new RecipeOptions()), new SessionRateLimiter(Options.Create(_limits), _time),
                new ClientRateLimiter(new SharedCounters(_counters, TimeProvider.System), Options.Create(_limits), Options.Create(new SessionOptions { SigningKey = "core-tests-signing-key-0123456789abcdef" }), _time),
                _idle, Greeting(), _time, NullLogger<OpenRoomHandler>.Instance)
            .HandleAsync(session, Office, request ?? new OpenRoomRequest(null), CancellationToken.None);

    private RoomGreeting Greeting()
    {
        var variables = new FlowVariablesStore(_sessions.Object, _users.Object, _fields.Object, new UserParamsWriter(_sessions.Object, _users.Object));
        var events = new ChatEventPublisher(_realtime.Object);
        return new RoomGreeting(variables, new BotTurnDelivery(_rooms.Object, new RoomSnapshots(_rooms.Object), events, new RoomCloser(_rooms.Object, events, _time), variables, _time));
    }

    private static Room NewRoom(string roomId, RoomStatus status) => new()
    {
        RoomId = roomId,
        SessionId = "s-1",
        VisitorId = "v-1",
        RealtimeUserId = "v-v-1",
        RecipeId = WelcomeRecipe.Id,
        RecipeVersion = 1,
        Status = status,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
