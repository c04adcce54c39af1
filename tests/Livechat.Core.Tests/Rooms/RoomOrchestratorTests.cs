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
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    private readonly Mock<TaskOrchestrationContext> _context = new();
    private readonly Recipe _recipe = WelcomeRecipe.Create() with { Version = 3 };

    /// <summary>What each wait of the orchestration sees, in order: a signal, or null for the inactivity timer.</summary>
    private readonly Queue<RoomSignal?> _script = new();

    private readonly List<BotTurn> _turns = [];
    private readonly List<ReadVisitorInputsRequest> _reads = [];
    private readonly List<string> _calls = [];
    private readonly List<DateTime> _timers = [];
    private List<VisitorInput> _transcriptInputs = [];
    private RoomStatus _statusAfterTurn = RoomStatus.Open;

    public RoomOrchestratorTests()
    {
        _context.SetupGet(c => c.InstanceId).Returns(RoomId);
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        _context.Setup(c => c.CreateReplaySafeLogger<RoomOrchestrator>()).Returns(NullLogger.Instance);

        _context.Setup(c => c.CallActivityAsync<RoomStart>(nameof(LoadRoomRecipeActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback(() => _calls.Add(nameof(LoadRoomRecipeActivity)))
            .ReturnsAsync(new RoomStart(_recipe, FlowVariables.Empty));
        _context.Setup(c => c.CallActivityAsync<List<VisitorInput>>(nameof(ReadVisitorInputsActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) =>
            {
                _calls.Add(nameof(ReadVisitorInputsActivity));
                _reads.Add((ReadVisitorInputsRequest)input!);
            })
            .ReturnsAsync(() => _transcriptInputs);
        _context.Setup(c => c.CallActivityAsync<BotTurnResult>(nameof(SendBotMessagesActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) =>
            {
                _calls.Add(nameof(SendBotMessagesActivity));
                _turns.Add((BotTurn)input!);
            })
            .ReturnsAsync(() => new BotTurnResult(_statusAfterTurn));

        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>((fireAt, _) =>
            {
                _timers.Add(fireAt);
                if (_script.Count == 0) throw new InvalidOperationException("The test did not script this wait.");
                return _script.Peek() is null ? Task.CompletedTask : new TaskCompletionSource().Task;
            });
        _context.Setup(c => c.WaitForExternalEvent<RoomSignal>(RoomSignal.EventName, It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                _calls.Add("WaitForSignal");
                var next = _script.Dequeue();
                return next is null ? new TaskCompletionSource<RoomSignal>().Task : Task.FromResult(next);
            });
    }

    [Fact]
    public async Task RunAsync_FirstGeneration_LoadsRecipeAndSendsGreetingTurn()
    {
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        var result = await RunAsync(FirstGeneration());

        Assert.Equal("ended", result);
        _context.Verify(c => c.CallActivityAsync<RoomStart>(nameof(LoadRoomRecipeActivity), RoomId, It.IsAny<TaskOptions?>()), Times.Once);
        var greeting = Assert.Single(_turns);
        Assert.Equal(RoomId, greeting.RoomId);
        Assert.Equal(1, greeting.Turn);
        Assert.Null(greeting.EndReason);
        Assert.Equal(["greet", "menu"], greeting.Messages.Select(m => m.BlockId));
        Assert.Equal(["Pricing", "Support"], greeting.Messages[1].Buttons.Select(b => b.Label));
        Assert.Empty(_reads);
        Assert.Equal([nameof(LoadRoomRecipeActivity), nameof(SendBotMessagesActivity), "WaitForSignal"], _calls);
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
        Assert.Equal(["Pricing", "Support"], reply.Messages[1].Buttons.Select(b => b.Label));
        Assert.Empty(_reads);
    }

    [Fact]
    public async Task RunAsync_UnknownChoice_ReasksWithTheSameButtons()
    {
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(1, "How much is it?", null)));
        _script.Enqueue(RoomSignal.End(EndReasons.ClosedByVisitor));

        await RunAsync(FirstGeneration());

        var reask = Assert.Single(_turns[1].Messages);
        Assert.Equal(RecipeInterpreter.ChooseAnOptionText, reask.Text);
        Assert.Equal(["Pricing", "Support"], reask.Buttons.Select(b => b.Label));
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

        Assert.Equal("ended", result);
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
        _context.Setup(c => c.CallActivityAsync<BotTurnResult>(nameof(SendBotMessagesActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => _turns.Add((BotTurn)input!))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) =>
            {
                var seqs = ((BotTurn)input!).Messages.Select(_ => nextSeq++).ToList();
                if (nextSeq == 3) nextSeq = 4;
                return new BotTurnResult(RoomStatus.Open, seqs);
            });
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

        Assert.Equal("ended", result);
        Assert.Empty(_turns);
        _context.Verify(c => c.ContinueAsNew(It.IsAny<object>(), It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_TimerWins_EndsWithInactivity()
    {
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(1, "Pricing", "pricing")));
        _script.Enqueue(null);

        var result = await RunAsync(FirstGeneration());

        Assert.Equal("inactive", result);
        Assert.Equal(3, _turns.Count);
        var last = _turns[2];
        Assert.Equal(RoomId, last.RoomId);
        Assert.Equal(3, last.Turn);
        Assert.Empty(last.Messages);
        Assert.Equal(EndReasons.Inactivity, last.EndReason);
        Assert.All(_timers, fireAt => Assert.Equal(Now + Timeout, fireAt));
        _context.Verify(c => c.ContinueAsNew(It.IsAny<object>(), It.IsAny<bool>()), Times.Never);
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
        _context.Setup(c => c.CallActivityAsync<RoomStart>(nameof(LoadRoomRecipeActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new RoomStart(recipe, FlowVariables.Empty));
        _context.Setup(c => c.CallActivityAsync<BotTurnResult>(nameof(SendBotMessagesActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => _turns.Add((BotTurn)input!))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) =>
                new BotTurnResult(((BotTurn)input!).EndReason is null ? RoomStatus.Open : RoomStatus.Ended));
        _script.Enqueue(RoomSignal.Visitor(new VisitorInput(1, "Yes", "yes")));

        var result = await RunAsync(FirstGeneration());

        Assert.Equal("ended", result);
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

        Assert.Equal("continued", result);
        Assert.True(preserveEvents);
        var next = Assert.IsType<RoomOrchestrationInput>(continuedWith);
        Assert.Equal(RoomId, next.RoomId);
        Assert.Equal(Timeout, next.InactivityTimeout);
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
        _context.Verify(c => c.CallActivityAsync<RoomStart>(nameof(LoadRoomRecipeActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
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

    private Task<string> RunAsync(RoomOrchestrationInput input) => new RoomOrchestrator().RunAsync(_context.Object, input);

    private static RoomOrchestrationInput FirstGeneration(int turnsPerGeneration = 20) =>
        new(RoomId, Timeout, turnsPerGeneration);

    private RoomOrchestrationInput NextGeneration(long cursor, int turn) =>
        new(RoomId, Timeout, 20, new RoomFlowState(_recipe, "menu", cursor, turn));
}
