using Livechat.Core.Attachments;
using Livechat.Core.Common;
using Livechat.Core.Tests.Attachments;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Rooms;

public sealed class PostMessageHandlerTests
{
    private const string RoomId = "r-1";

    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IRoomOrchestrations> _orchestrations = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));
    private readonly Livechat.Core.Limits.LimitOptions _limits = new() { MessagesPerMinute = 3 };
    private Livechat.Core.Limits.SessionRateLimiter? _limiterInstance;
    private Livechat.Core.Limits.SessionRateLimiter _limiter => _limiterInstance ??= new(Options.Create(_limits), _time);
    private readonly RoomOptions _options = new() { MaxMessageLength = 20 };
    private readonly VisitorSession _session = new() { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch };
    private readonly RoomSnapshots _snapshots;
    private readonly InMemoryAttachmentStore _files = new();

    public PostMessageHandlerTests() => _snapshots = new RoomSnapshots(_rooms.Object);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123x")]
    public async Task HandleAsync_InvalidClientMessageId_ReturnsProblemNamingClientMessageId(string? clientMessageId)
    {
        var outcome = await HandleAsync(new PostMessageRequest(clientMessageId, "Hello", null));

        AssertInvalid(outcome, "clientMessageId");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task HandleAsync_NoTextAndNoButton_ReturnsProblemNamingText(string? text)
    {
        var outcome = await HandleAsync(new PostMessageRequest("c-1", text, null));

        AssertInvalid(outcome, "text");
    }

    [Fact]
    public async Task HandleAsync_TextLongerThanMaxMessageLength_ReturnsProblemNamingText()
    {
        var outcome = await HandleAsync(new PostMessageRequest("c-1", new string('x', _options.MaxMessageLength + 1), null));

        AssertInvalid(outcome, "text");
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad id")]
    [InlineData("<script>")]
    public async Task HandleAsync_InvalidButtonId_ReturnsProblemNamingButtonId(string buttonId)
    {
        var outcome = await HandleAsync(new PostMessageRequest("c-1", "Pricing", buttonId));

        AssertInvalid(outcome, "buttonId");
    }

    [Fact]
    public async Task HandleAsync_UploadedImage_StoresTheAttachmentAndTellsTheVisitorWithAReadLink()
    {
        SetupRoom(RoomStatus.Open);
        NewMessage? appended = null;
        _rooms.Setup(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback((Room _, NewMessage m, DateTimeOffset _, CancellationToken _) => appended = m)
            .ReturnsAsync((Room room, NewMessage m, DateTimeOffset _, CancellationToken _) => AppendOutcome.Of(new AppendResult(
                Message(room.NextSeq, m.Text) with { Attachment = m.Attachment }, Duplicate: false, room with { ETag = "after" })));
        await _files.CreateUploadAsync(new DeclaredAttachment(RoomId, "a-1", "cat.png", "image/png", 8), _time.GetUtcNow(), CancellationToken.None);
        _files.Upload(RoomId, "a-1", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var outcome = await HandleAsync(new PostMessageRequest("c-1", null, null, "a-1"));

        Assert.True(outcome.IsSuccess, outcome.Problem?.Detail);
        Assert.Equal(new ChatAttachment("a-1", "cat.png", "image/png", 8), appended!.Attachment);
        Assert.Null(appended.Attachment!.Url);
        Assert.Equal("", appended.Text);
        Assert.NotNull(outcome.Value!.Attachment!.Url);
        _realtime.Verify(p => p.SendToUserAsync("v-v-1", RealtimeEvents.Message, It.Is<ChatMessage>(m => m.Attachment!.Url != null), It.IsAny<CancellationToken>()));
        // The bot hears the file's name, so a question it asked is answered.
        _orchestrations.Verify(o => o.SignalAsync(RoomId, It.Is<RoomSignal>(s => s.Input!.Text == "cat.png"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_UploadLargerThanDeclared_ReturnsProblemNamingSizeDeletesTheFileAndWritesNothing()
    {
        SetupRoom(RoomStatus.Open);
        await _files.CreateUploadAsync(new DeclaredAttachment(RoomId, "a-1", "cat.png", "image/png", 8), _time.GetUtcNow(), CancellationToken.None);
        _files.Upload(RoomId, "a-1", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0]);

        var outcome = await HandleAsync(new PostMessageRequest("c-1", null, null, "a-1"));

        AssertInvalid(outcome, "size");
        Assert.Contains((RoomId, "a-1"), _files.Deleted);
        _realtime.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_AnotherVisitorsRoom_ReturnsNotFoundAndWritesNothing()
    {
        SetupRoom(RoomStatus.Open, visitorId: "v-someone-else");

        var outcome = await HandleAsync(new PostMessageRequest("c-1", "Hello", null));

        Assert.False(outcome.IsSuccess);
        Assert.Equal(ProblemKind.NotFound, outcome.Problem!.Kind);
        AssertNothingWritten();
    }

    [Fact]
    public async Task HandleAsync_MissingRoom_ReturnsNotFound()
    {
        var outcome = await HandleAsync(new PostMessageRequest("c-1", "Hello", null));

        Assert.Equal(ProblemKind.NotFound, outcome.Problem?.Kind);
        AssertNothingWritten();
    }

    [Fact]
    public async Task HandleAsync_EndedRoom_ReturnsConflictAndWritesNothing()
    {
        SetupRoom(RoomStatus.Ended);

        var outcome = await HandleAsync(new PostMessageRequest("c-1", "Hello", null));

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        AssertNothingWritten();
    }

    [Fact]
    public async Task HandleAsync_DuplicateAppend_ReturnsStoredMessage_ResumesAFailedFlowAndSignalsAgain_WithoutFanOut()
    {
        SetupRoom(RoomStatus.Open);
        var stored = Message(seq: 4, "Hello");
        _rooms.Setup(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AppendOutcome.Of(new AppendResult(stored, Duplicate: true)));

        var outcome = await HandleAsync(new PostMessageRequest("c-1", "Hello", null));

        Assert.True(outcome.IsSuccess);
        Assert.Same(stored, outcome.Value);
        _realtime.VerifyNoOtherCalls();
        // The widget resends when it heard no answer: the first attempt may have died before signalling.
        _orchestrations.Verify(o => o.ResumeIfFailedAsync(RoomId, It.IsAny<RoomOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Once);
        _orchestrations.Verify(o => o.SignalAsync(RoomId, It.Is<RoomSignal>(s => s.Input!.Seq == 4 && s.Input.Room == null), It.IsAny<CancellationToken>()), Times.Once);
        _orchestrations.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_FirstMessageOfAGreetedRoom_StartsItsBot_AndTheNextOnlySignals()
    {
        SetupRoom(RoomStatus.Open, deferred: new DeferredFlow("menu"));
        SetupAppends();
        _orchestrations.Setup(o => o.StartAsync(It.IsAny<RoomOrchestrationInput>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await HandleAsync(new PostMessageRequest("c-1", "Pricing", "pricing"));
        await HandleAsync(new PostMessageRequest("c-2", "Anyone there?", null));

        // The orchestration reads the first message from the transcript; the flag is cleared with that message's write.
        _orchestrations.Verify(o => o.StartAsync(It.Is<RoomOrchestrationInput>(i => i.RoomId == RoomId && i.Deferred && i.State == null), It.IsAny<CancellationToken>()), Times.Once);
        _rooms.Verify(r => r.AppendAsync(It.Is<Room>(x => x.DeferredFlow == new DeferredFlow("menu", true) && x.NextSeq == 1), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        _orchestrations.Verify(o => o.SignalAsync(RoomId, It.Is<RoomSignal>(s => s.Input!.Seq == 2), It.IsAny<CancellationToken>()), Times.Once);
        _orchestrations.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_ARoomThatStillSaysNotStarted_WhenItsFlowRuns_SignalsTheMessage()
    {
        // The flag went with an earlier message, but that append re-read a room another call had changed, so the
        // stored room still says "not started" although the orchestration runs: this message must not go unheard.
        SetupRoom(RoomStatus.Open, deferred: new DeferredFlow("menu"));
        SetupAppends();
        _orchestrations.Setup(o => o.StartAsync(It.IsAny<RoomOrchestrationInput>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        await HandleAsync(new PostMessageRequest("c-2", "Anyone there?", null));

        _orchestrations.Verify(o => o.SignalAsync(RoomId, It.Is<RoomSignal>(s => s.Input!.Seq == 1), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_NextMessage_StartsFromTheRoomAsTheLastAppendLeftIt_WithoutReadingIt()
    {
        SetupRoom(RoomStatus.Open);
        SetupAppends();

        var first = await HandleAsync(new PostMessageRequest("c-1", "Hello", null));
        var second = await HandleAsync(new PostMessageRequest("c-2", "Anyone there?", null));

        Assert.Equal(1, first.Value!.Seq);
        Assert.Equal(2, second.Value!.Seq);
        _rooms.Verify(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>()), Times.Once);
        _rooms.Verify(r => r.AppendAsync(It.Is<Room>(x => x.ETag == "after-1" && x.NextSeq == 2), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_SnapshotDoesNotAdmitTheVisitor_AFreshReadDecides()
    {
        SetupRoom(RoomStatus.Open);
        SetupAppends();
        await HandleAsync(new PostMessageRequest("c-1", "Hello", null));
        // Since then setUserId gave the room a user; the same user writes from another device.
        var stored = (await _rooms.Object.GetAsync(RoomId, CancellationToken.None))! with { UserId = "u-1", ETag = "adopted" };
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        var otherDevice = new VisitorSession { SessionId = "s-2", VisitorId = "v-2", UserId = "u-1", CreatedAt = DateTimeOffset.UnixEpoch };

        var outcome = await HandleAsync(new PostMessageRequest("c-2", "From my phone", null), otherDevice);
        var stranger = await HandleAsync(new PostMessageRequest("c-3", "Let me in", null),
            new VisitorSession { SessionId = "s-3", VisitorId = "v-3", CreatedAt = DateTimeOffset.UnixEpoch });

        Assert.True(outcome.IsSuccess);
        Assert.Equal(ProblemKind.NotFound, stranger.Problem?.Kind);
        _rooms.Verify(r => r.AppendAsync(It.Is<Room>(x => x.ETag == "adopted"), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_RoomEndedBetweenReadAndAppend_ReturnsConflictWithoutFanOutOrSignal()
    {
        SetupRoom(RoomStatus.Open);
        _rooms.Setup(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AppendOutcome.RoomEnded);

        var outcome = await HandleAsync(new PostMessageRequest("c-1", "Hello", null));

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        _realtime.VerifyNoOtherCalls();
        _orchestrations.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_RoomErasedBetweenReadAndAppend_Returns404NamingTheRoom_NotAConflict()
    {
        SetupRoom(RoomStatus.Open);
        _rooms.Setup(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AppendOutcome.NoSuchRoom);

        var outcome = await HandleAsync(new PostMessageRequest("c-1", "Hello", null));

        Assert.Equal(ProblemKind.NotFound, outcome.Problem?.Kind);
        Assert.True(outcome.Problem?.Errors?.ContainsKey("roomId"));
        _realtime.VerifyNoOtherCalls();
        _orchestrations.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_MessageInOpenRoom_StoresThenSignalsWithItsSeqAndTheRoomAsItLeftIt_ThenFansOut()
    {
        SetupRoom(RoomStatus.Open);
        var order = new List<string>();
        NewMessage? appended = null;
        DateTimeOffset? sentAt = null;
        var stored = Message(seq: 7, "Hello there");
        Room? roomAfter = null;
        _rooms.Setup(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback<Room, NewMessage, DateTimeOffset, CancellationToken>((r, m, at, _) => { order.Add("append"); appended = m; sentAt = at; roomAfter = r with { NextSeq = 8, ETag = "after-7" }; })
            .ReturnsAsync(() => AppendOutcome.Of(new AppendResult(stored, Duplicate: false, roomAfter)));
        _realtime.Setup(p => p.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("fanout"));
        _orchestrations.Setup(o => o.SignalAsync(It.IsAny<string>(), It.IsAny<RoomSignal>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("signal"));

        var outcome = await HandleAsync(new PostMessageRequest("c-1", "  Hello there  ", null));

        Assert.Same(stored, outcome.Value);
        // The bot is woken before the fan-out, so a slow realtime service cannot hold up its answer.
        Assert.Equal(["append", "signal", "fanout"], order);
        Assert.NotNull(appended);
        Assert.Equal(Sender.Visitor, appended.Sender);
        Assert.Equal("Hello there", appended.Text);
        Assert.Equal("c-1", appended.ClientMessageId);
        Assert.Equal("c-c-1", appended.IdempotencyKey);
        Assert.Equal(_time.GetUtcNow(), sentAt);
        _realtime.Verify(p => p.SendToUserAsync("v-v-1", RealtimeEvents.Message, stored, It.IsAny<CancellationToken>()), Times.Once);
        // The bot's answer appends with the room as the visitor's message left it, without reading it first.
        _orchestrations.Verify(o => o.SignalAsync(RoomId,
            It.Is<RoomSignal>(s => s.Input!.Seq == 7 && s.Input.Text == "Hello there" && s.Input.ButtonId == null && s.Input.Room!.ETag == "after-7"),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_ButtonClick_SignalsTheButtonId()
    {
        SetupRoom(RoomStatus.Open);
        _rooms.Setup(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room _, NewMessage m, DateTimeOffset at, CancellationToken _) =>
                AppendOutcome.Of(new AppendResult(Message(seq: 2, m.Text) with { ButtonId = m.ButtonId, SentAt = at }, Duplicate: false)));

        var outcome = await HandleAsync(new PostMessageRequest("c-2", "Pricing", "pricing"));

        Assert.Equal("pricing", outcome.Value?.ButtonId);
        _orchestrations.Verify(o => o.SignalAsync(RoomId,
            RoomSignal.Visitor(new VisitorInput(2, "Pricing", "pricing")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_MessageInAgentRoom_GoesToTheRoomsAgentsInsteadOfTheBot()
    {
        SetupRoom(RoomStatus.Agent);
        var stored = Message(seq: 9, "Hi agent");
        _rooms.Setup(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AppendOutcome.Of(new AppendResult(stored, Duplicate: false)));

        await HandleAsync(new PostMessageRequest("c-3", "Hi agent", null));

        _realtime.Verify(p => p.SendToGroupAsync(RealtimeGroups.Room(RoomId), RealtimeEvents.Message, stored, It.IsAny<CancellationToken>()), Times.Once);
        _orchestrations.Verify(o => o.SignalAsync(It.IsAny<string>(), It.IsAny<RoomSignal>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_OverTheMessagesPerMinute_Is429AndAppendsNothing_ThenAllowedAgainNextMinute()
    {
        for (var i = 0; i < 3; i++) await HandleAsync(new PostMessageRequest($"c-{i}", "hi", null));
        _rooms.Invocations.Clear();

        var fourth = await HandleAsync(new PostMessageRequest("c-4", "hi", null));

        Assert.Equal(ProblemKind.TooManyRequests, fourth.Problem?.Kind);
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.NotEqual(ProblemKind.TooManyRequests, (await HandleAsync(new PostMessageRequest("c-5", "hi", null))).Problem?.Kind);
    }

    private Task<Outcome<ChatMessage>> HandleAsync(PostMessageRequest request, VisitorSession? session = null) =>
        new PostMessageHandler(_rooms.Object, _snapshots, _orchestrations.Object, new ChatEventPublisher(_realtime.Object), Options.Create(_options), _limiter,
                new AttachmentVerifier(_files, new AttachmentLimits(Options.Create(new AttachmentOptions()))),
                new AttachmentLinks(_files, Options.Create(new AttachmentOptions()), _time), _time)
            .HandleAsync(session ?? _session, RoomId, request, CancellationToken.None);

    /// <summary>Appends as the store does: the next seq, and the room as the append left it (a new ETag).</summary>
    private void SetupAppends() =>
        _rooms.Setup(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room room, NewMessage m, DateTimeOffset _, CancellationToken _) => AppendOutcome.Of(new AppendResult(
                Message(room.NextSeq, m.Text), Duplicate: false, room with { NextSeq = room.NextSeq + 1, ETag = $"after-{room.NextSeq}" })));

    private void SetupRoom(RoomStatus status, string visitorId = "v-1", DeferredFlow? deferred = null) =>
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(new Room
        {
            RoomId = RoomId,
            SessionId = "s-1",
            VisitorId = visitorId,
            RealtimeUserId = $"v-{visitorId}",
            RecipeId = "welcome",
            RecipeVersion = 1,
            Status = status,
            DeferredFlow = deferred,
            CreatedAt = DateTimeOffset.UnixEpoch,
        });

    private ChatMessage Message(long seq, string text) => new()
    {
        Id = $"m-{seq}",
        RoomId = RoomId,
        Seq = seq,
        Sender = Sender.Visitor,
        Text = text,
        ClientMessageId = "c-1",
        SentAt = _time.GetUtcNow(),
    };

    private void AssertInvalid(Outcome<ChatMessage> outcome, string field)
    {
        Assert.False(outcome.IsSuccess);
        Assert.Equal(ProblemKind.Validation, outcome.Problem!.Kind);
        Assert.NotNull(outcome.Problem.Errors);
        Assert.Equal([field], outcome.Problem.Errors.Keys);
        AssertNothingWritten();
    }

    private void AssertNothingWritten()
    {
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        _orchestrations.VerifyNoOtherCalls();
        _realtime.VerifyNoOtherCalls();
    }
}
