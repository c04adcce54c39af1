using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Livechat.Core.Tests.Rooms;

public sealed class RoomOrchestratorTests
{
    private const string RoomId = "r-1";
    private static readonly DateTime Now = new(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    private readonly Mock<TaskOrchestrationContext> _context = new();
    private readonly Recipe _recipe = WelcomeRecipe.Create() with { Version = 3 };

    /// <summary>What the orchestration hears, in order: a signal, or null for its pending timer firing.</summary>
    private readonly Queue<RoomSignal?> _script = new();

    private readonly List<BotTurn> _turns = [];
    private readonly List<ReadVisitorInputsRequest> _reads = [];
    private readonly List<string> _calls = [];
    private readonly List<DateTime> _timers = [];
    private readonly List<CancellationToken> _timerTokens = [];
    private List<VisitorInput> _transcriptInputs = [];
    private Recipe? _startRecipe;
    private DateTime _now = Now;
    private TaskCompletionSource<RoomSignal>? _pendingSignal;
    private (DateTime FireAt, TaskCompletionSource Fired)? _pendingTimer;

    /// <summary>Delivers a bot turn, for the start activity (the greeting) and the send activity alike.</summary>
    private Func<BotTurn, BotTurnResult> _deliver;

    public RoomOrchestratorTests()
    {
        // As BotTurnDelivery: a turn that ends the room (the bot's own end, inactivity) leaves it ended.
        _deliver = turn => new BotTurnResult(turn.EndReason is null ? RoomStatus.Open : RoomStatus.Ended);
        _context.SetupGet(c => c.InstanceId).Returns(RoomId);
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => _now);
        _context.Setup(c => c.CreateReplaySafeLogger<RoomOrchestrator>()).Returns(NullLogger.Instance);

        _context.Setup(c => c.CallActivityAsync<RoomStart>(nameof(StartRoomActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(() =>
            {
                _calls.Add(nameof(StartRoomActivity));
                var recipe = _startRecipe ?? _recipe;
                var first = RecipeInterpreter.Start(recipe, FlowVariables.Empty);
                var greeting = BotTurn.Of(RoomId, StartRoomActivity.FirstTurn, first);
                _turns.Add(greeting);
                return new RoomStart(recipe, FlowVariables.Empty, first, _deliver(greeting));
            });
        _context.Setup(c => c.CallActivityAsync<List<VisitorInput>>(nameof(ReadVisitorInputsActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) =>
            {
                _calls.Add(nameof(ReadVisitorInputsActivity));
                _reads.Add((ReadVisitorInputsRequest)input!);
            })
            .ReturnsAsync(() => _transcriptInputs);
        _context.Setup(c => c.CallActivityAsync<BotTurnResult>(nameof(SendBotMessagesActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) =>
            {
                _calls.Add(nameof(SendBotMessagesActivity));
                _turns.Add((BotTurn)input!);
                return _deliver((BotTurn)input!);
            });

        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>((fireAt, token) =>
            {
                _timers.Add(fireAt);
                _timerTokens.Add(token);
                var pending = (fireAt, new TaskCompletionSource());
                _pendingTimer = pending;
                // The race is over once the orchestration cancels its loser: the next wait starts afresh.
                token.Register(() => { if (_pendingTimer == pending) _pendingTimer = null; });
                var fired = pending.Item2.Task;
                Pump(signals: false);
                return fired;
            });
        _context.Setup(c => c.WaitForExternalEvent<RoomSignal>(RoomSignal.EventName, It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((_, token) =>
            {
                _calls.Add("WaitForSignal");
                var pending = new TaskCompletionSource<RoomSignal>();
                _pendingSignal = pending;
                token.Register(() => { if (_pendingSignal == pending && !pending.Task.IsCompleted) _pendingSignal = null; });
                Pump(signals: true);
                return pending.Task;
            });
    }

    /// <summary>
    /// Lets the next scripted event happen once the orchestration waits for it and has taken the one before (a
    /// completed wait or timer stays here until the orchestration asks for a new one): the
    /// signal completes the pending wait, null fires the pending timer (and time moves on to it).
    /// </summary>
    /// <param name="signals">False when a timer was just created: a signal goes to the newest wait, as the engine's does.</param>
    private void Pump(bool signals)
    {
        if (_pendingSignal?.Task.IsCompleted == true || _pendingTimer?.Fired.Task.IsCompleted == true) return;
        if (_script.Count == 0)
        {
            // The orchestration would wait for ever.
            if (signals && _pendingSignal is not null) throw new InvalidOperationException("The test did not script this wait.");
            return;
        }
        if (_script.Peek() is { } signal)
        {
            if (_pendingSignal is null || !signals) return;
            _script.Dequeue();
            _pendingSignal.SetResult(signal);
        }
        else
        {
            if (_pendingTimer is not { } timer) return;
            _script.Dequeue();
            _now = timer.FireAt;
            timer.Fired.SetResult();
        }
    }

    [Fact]
    public async Task RunAsync_FirstGeneration_StartsWithTheGreetingInOneActivity()
    {
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        var result = await RunAsync(FirstGeneration());

        Assert.Equal(RoomFlowEnd.Ended, result);
        _context.Verify(c => c.CallActivityAsync<RoomStart>(nameof(StartRoomActivity), RoomId, It.IsAny<TaskOptions?>()), Times.Once);
        var greeting = Assert.Single(_turns);
        Assert.Equal(RoomId, greeting.RoomId);
        Assert.Equal(1, greeting.Turn);
        Assert.Null(greeting.EndReason);
        Assert.Equal(["greet", "menu"], greeting.Messages.Select(m => m.BlockId));
        Assert.Equal(["Pricing", "Support", "Talk to a person"], greeting.Messages[1].Buttons.Select(b => b.Label));
        Assert.Empty(_reads);
        Assert.Equal([nameof(StartRoomActivity), "WaitForSignal"], _calls);
    }

    [Fact]
    public async Task RunAsync_ButtonSignal_SendsReplyTurn()
    {
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(1, "Pricing", "pricing")));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        await RunAsync(FirstGeneration());

        Assert.Equal(2, _turns.Count);
        var reply = _turns[1];
        Assert.Equal(RoomId, reply.RoomId);
        Assert.Equal(2, reply.Turn);
        Assert.Null(reply.EndReason);
        Assert.Equal(["pricing", "menu"], reply.Messages.Select(m => m.BlockId));
        Assert.Contains("$10", reply.Messages[0].Text);
        Assert.Equal(["Pricing", "Support", "Talk to a person"], reply.Messages[1].Buttons.Select(b => b.Label));
        Assert.Empty(_reads);
    }

    [Fact]
    public async Task RunAsync_SignalCarriesTheRoom_TheReplyTurnAppendsWithItAndTheNextTurnDoesNot()
    {
        var room = new Room
        {
            RoomId = RoomId, SessionId = "s-1", VisitorId = "v-1", RealtimeUserId = "v-v-1", RecipeId = "welcome", RecipeVersion = 3,
            CreatedAt = Now, NextSeq = 5, ETag = "after-4",
        };
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(4, "Pricing", "pricing") { Room = room }));
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(7, "Support", "support")));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));
        _deliver = turn => new BotTurnResult(RoomStatus.Open, turn.Turn switch { 1 => [1, 2, 3], 2 => [5, 6], _ => [8, 9] });

        await RunAsync(FirstGeneration());

        Assert.Equal(3, _turns.Count);
        Assert.Null(_turns[0].Room);
        Assert.Same(room, _turns[1].Room);
        Assert.Null(_turns[2].Room);
    }

    [Fact]
    public async Task RunAsync_UnknownChoice_ReasksWithTheSameButtons()
    {
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(1, "How much is it?", null)));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        await RunAsync(FirstGeneration());

        var reask = Assert.Single(_turns[1].Messages);
        Assert.Equal(RecipeInterpreter.ChooseAnOptionText, reask.Text);
        Assert.Equal(["Pricing", "Support", "Talk to a person"], reask.Buttons.Select(b => b.Label));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public async Task RunAsync_SignalAtOrBelowCursor_IsIgnored(long staleSeq)
    {
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(1, "Pricing", "pricing")));
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(staleSeq, "Support", "support")));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        var result = await RunAsync(FirstGeneration());

        Assert.Equal(RoomFlowEnd.Ended, result);
        Assert.Equal([1, 2], _turns.Select(t => t.Turn));
        Assert.DoesNotContain(_turns, t => t.Messages.Any(m => m.BlockId == "support"));
        Assert.Empty(_reads);
    }

    [Fact]
    public async Task RunAsync_SignalWithGap_ReadsMissedInputsFromTranscript()
    {
        _transcriptInputs = [new VisitorInput(1, "Pricing", "pricing"), new VisitorInput(3, "Support", "support")];
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(3, "Support", "support")));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        await RunAsync(FirstGeneration());

        var read = Assert.Single(_reads);
        Assert.Equal(new ReadVisitorInputsRequest(RoomId, 0), read);
        Assert.Equal([1, 2, 3], _turns.Select(t => t.Turn));
        Assert.Equal("pricing", _turns[1].Messages[0].BlockId);
        Assert.Equal("support", _turns[2].Messages[0].BlockId);
    }

    [Fact]
    public async Task RunAsync_ReplyRightAfterBotTurn_AnswersFromTheSignalWithoutReadingTheTranscript()
    {
        // Bot and visitor messages share the room's sequence: the greeting is stored as seq 1 and 2, the click as 3.
        var nextSeq = 1L;
        _deliver = turn =>
        {
            var seqs = turn.Messages.Select(_ => nextSeq++).ToList();
            if (nextSeq == 3) nextSeq = 4;
            return new BotTurnResult(RoomStatus.Open, seqs);
        };
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(3, "Pricing", "pricing")));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        await RunAsync(FirstGeneration());

        Assert.Empty(_reads);
        Assert.Equal(["pricing", "menu"], _turns[1].Messages.Select(m => m.BlockId));
    }

    [Fact]
    public async Task RunAsync_EndSignal_ReturnsWithoutSending()
    {
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        var result = await RunAsync(NextGeneration(cursor: 2, turn: 3));

        Assert.Equal(RoomFlowEnd.Ended, result);
        Assert.Empty(_turns);
        _context.Verify(c => c.ContinueAsNew(It.IsAny<object>(), It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_EveryActivity_IsCalledWithTheRetryPolicy()
    {
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(1, "Pricing", "pricing")));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        await RunAsync(FirstGeneration());

        _context.Verify(c => c.CallActivityAsync<RoomStart>(nameof(StartRoomActivity), It.IsAny<object?>(), RoomOrchestrator.ActivityRetry), Times.Once);
        _context.Verify(c => c.CallActivityAsync<BotTurnResult>(nameof(SendBotMessagesActivity), It.IsAny<object?>(), It.Is<TaskOptions?>(o => o != RoomOrchestrator.ActivityRetry)), Times.Never);
    }

    [Fact]
    public async Task RunAsync_Turns_CreateNoTimer()
    {
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(1, "Pricing", "pricing")));
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(2, "Support", "support")));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        var result = await RunAsync(FirstGeneration());

        Assert.Equal(RoomFlowEnd.Ended, result);
        Assert.Equal(3, _turns.Count);
        // Idle rooms are ended by IdleRooms: a timer per turn would fire later even when cancelled, one episode each.
        Assert.Empty(_timers);
    }

    [Fact]
    public async Task RunAsync_SignalBeatsTheSettleTimer_CancelsIt()
    {
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(3, "Pricing", "pricing")));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        var result = await RunAsync(NextGeneration(cursor: 2, turn: 3));

        Assert.Equal(RoomFlowEnd.Ended, result);
        Assert.Equal([4], _turns.Select(t => t.Turn));
        var token = Assert.Single(_timerTokens);
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public async Task RunAsync_NewGeneration_ReadsAgainWhenTheSettleTimerFires()
    {
        _script.Enqueue(null);
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        var result = await RunAsync(NextGeneration(cursor: 2, turn: 3));

        Assert.Equal(RoomFlowEnd.Ended, result);
        Assert.Equal([new ReadVisitorInputsRequest(RoomId, 2), new ReadVisitorInputsRequest(RoomId, 2)], _reads);
        Assert.Equal([Now + RoomOrchestrator.SettleDelay], _timers);
    }

    [Fact]
    public async Task RunAsync_RecipeReachesEnd_EndsRoomWithRecipeReason()
    {
        var recipe = new Recipe
        {
            Id = "bye",
            Name = "Bye",
            StartBlockId = "ask",
            Blocks =
            [
                new RecipeBlock { Id = "ask", Type = BlockTypes.Buttons, Text = "Done?", Buttons = [new RecipeButton("yes", "Yes", "stop")] },
                new RecipeBlock { Id = "stop", Type = BlockTypes.End, Text = "Bye!" },
            ],
        };
        _startRecipe = recipe;
        _deliver = turn => new BotTurnResult(turn.EndReason is null ? RoomStatus.Open : RoomStatus.Ended);
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(1, "Yes", "yes")));

        var result = await RunAsync(FirstGeneration());

        Assert.Equal(RoomFlowEnd.Ended, result);
        var last = _turns[^1];
        Assert.Equal(2, last.Turn);
        Assert.Equal(EndReasons.RecipeEnded, last.EndReason);
        Assert.Equal(["Bye!"], last.Messages.Select(m => m.Text));
        Assert.Empty(_script);
    }

    [Fact]
    public async Task RunAsync_AfterTurnsPerGeneration_ContinuesAsNewWithFlowState()
    {
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(1, "Pricing", "pricing")));
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(2, "Support", "support")));
        object? continuedWith = null;
        bool? preserveEvents = null;
        _context.Setup(c => c.ContinueAsNew(It.IsAny<object>(), It.IsAny<bool>()))
            .Callback<object, bool>((input, preserve) => (continuedWith, preserveEvents) = (input, preserve));

        var result = await RunAsync(FirstGeneration(turnsPerGeneration: 2));

        Assert.Equal(RoomFlowEnd.Continued, result);
        Assert.True(preserveEvents);
        var next = Assert.IsType<RoomOrchestrationInput>(continuedWith);
        Assert.Equal(RoomId, next.RoomId);
        Assert.Equal(2, next.TurnsPerGeneration);
        var state = Assert.IsType<RoomFlowState>(next.State);
        Assert.Equal(2, state.Cursor);
        Assert.Equal(3, state.Turn);
        Assert.Equal("menu", state.WaitingBlockId);
        Assert.Same(_recipe, state.Recipe);
        Assert.Empty(_script);
    }

    [Fact]
    public async Task RunAsync_NewGeneration_FirstReadsMissedInputs()
    {
        _transcriptInputs = [new VisitorInput(3, "pricing", null)];
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        await RunAsync(NextGeneration(cursor: 2, turn: 3));

        Assert.Equal(new ReadVisitorInputsRequest(RoomId, 2), Assert.Single(_reads));
        Assert.Equal([nameof(ReadVisitorInputsActivity), nameof(SendBotMessagesActivity), "WaitForSignal"], _calls);
        var reply = Assert.Single(_turns);
        Assert.Equal(4, reply.Turn);
        Assert.Equal(["pricing", "menu"], reply.Messages.Select(m => m.BlockId));
        _context.Verify(c => c.CallActivityAsync<RoomStart>(nameof(StartRoomActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_DeferredRoom_ResumesAfterTheGreeting_TheActivityAnswersTheFirstMessage_TheFlowTheRest()
    {
        // Opened with the greeting (seqs 1-2, turn 1); the visitor's first message (seq 3) started the orchestration,
        // and a second one (seq 6) came in before it ran.
        List<VisitorInput> inputs = [new VisitorInput(3, "Pricing", "pricing"), new VisitorInput(6, "Support", "support")];
        _context.Setup(c => c.CallActivityAsync<DeferredRoomStart>(nameof(ResumeDeferredRoomActivity), RoomId, It.IsAny<TaskOptions?>()))
            .ReturnsAsync(() =>
            {
                // As the activity: it answers the first message itself, as turn 2.
                _calls.Add(nameof(ResumeDeferredRoomActivity));
                var step = RecipeInterpreter.Continue(_recipe, FlowVariables.Empty, "menu", inputs[0]);
                var answer = BotTurn.Of(RoomId, StartRoomActivity.FirstTurn + 1, step);
                _turns.Add(answer);
                return new DeferredRoomStart(new RoomFlowState(_recipe, "menu", Cursor: 3, Turn: StartRoomActivity.FirstTurn), inputs)
                {
                    FirstAnswer = new DeferredAnswer(step, _deliver(answer)),
                };
            });
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        var result = await RunAsync(FirstGeneration() with { Deferred = true });

        Assert.Equal(RoomFlowEnd.Ended, result);
        Assert.Equal([nameof(ResumeDeferredRoomActivity), nameof(SendBotMessagesActivity), "WaitForSignal"], _calls);
        Assert.Equal([2, 3], _turns.Select(t => t.Turn));
        Assert.Equal(["pricing", "menu"], _turns[0].Messages.Select(m => m.BlockId));
        Assert.Equal(["support", "menu"], _turns[1].Messages.Select(m => m.BlockId));
        // Not greeted twice, and no timer: a signal raised before the orchestration existed was for a message it read.
        _context.Verify(c => c.CallActivityAsync<RoomStart>(nameof(StartRoomActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
        Assert.Empty(_timers);
    }

    [Fact]
    public async Task RunAsync_NewGenerationThenSignalAlreadyRead_IsNotAnsweredTwice()
    {
        _transcriptInputs = [new VisitorInput(3, "Pricing", "pricing")];
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(3, "Pricing", "pricing")));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        await RunAsync(NextGeneration(cursor: 2, turn: 3));

        Assert.Equal([4], _turns.Select(t => t.Turn));
    }

    private Task<RoomFlowEnd> RunAsync(RoomOrchestrationInput input) => new RoomOrchestrator().RunAsync(_context.Object, input);

    private static RoomOrchestrationInput FirstGeneration(int turnsPerGeneration = 20) =>
        new(RoomId, turnsPerGeneration);

    private RoomOrchestrationInput NextGeneration(long cursor, int turn) =>
        new(RoomId, 20, new RoomFlowState(_recipe, "menu", cursor, turn));
}
