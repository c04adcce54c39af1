using Livechat.Core.Recipes;
using Livechat.Core.Webhooks;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Rooms;

/// <summary>
/// Runs one room's recipe (instance id = room id). It waits for <see cref="RoomSignal"/>s, runs the pure
/// <see cref="RecipeInterpreter"/> and hands its output to <see cref="SendBotMessagesActivity"/>: one activity per
/// turn. Visitor messages are in the transcript before the signal is raised, so a signal lost around
/// ContinueAsNew (durabletask-dotnet #387) costs nothing: each new generation first reads what it missed.
/// </summary>
public sealed class RoomOrchestrator : TaskOrchestrator<RoomOrchestrationInput, RoomFlowEnd>
{
    /// <summary>How long after a generation starts it reads the transcript again for messages whose signal was lost.</summary>
    public static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(2);

    /// <summary>Webhook blocks one visitor turn may pass through before the flow takes the failure path.</summary>
    public const int MaxWebhookHopsPerTurn = 10;

    /// <summary>
    /// Every room activity is idempotent (its writes are keyed by the turn), so a storage or SignalR failure that
    /// outlasts the SDKs' own retries is retried here, durably, instead of failing the room for good: about a minute
    /// in all before the orchestration gives up.
    /// </summary>
    public static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<RoomFlowEnd> RunAsync(TaskOrchestrationContext context, RoomOrchestrationInput input)
    {
        var roomId = input.RoomId;
        RoomFlowState state;
        RoomStatus status;

        if (input.State is not null)
        {
            var missed = await context.CallActivityAsync<List<VisitorInput>>(
                nameof(ReadVisitorInputsActivity), new ReadVisitorInputsRequest(roomId, input.State.Cursor), ActivityRetry);
            (state, status) = await HandleInputsAsync(context, input, input.State, missed);
        }
        else if (input.Deferred)
        {
            // Started by the visitor's first message; the greeting went out when the room opened, and the activity
            // answered that message: the flow carries the answer on (webhooks, a transfer), then the messages after it.
            var resumed = await context.CallActivityAsync<DeferredRoomStart>(nameof(ResumeDeferredRoomActivity), roomId, ActivityRetry);
            (state, status) = (resumed.State, RoomStatus.Open);
            if (resumed.FirstAnswer is { } answer) (state, status) = await DeliverAsync(context, input, state, answer.Step, answer.Delivered);
            if (status == RoomStatus.Open) (state, status) = await HandleInputsAsync(context, input, state, resumed.Inputs);
        }
        else
        {
            // Loads, interprets and delivers the greeting in one activity: one episode less before the visitor sees it.
            var start = await context.CallActivityAsync<RoomStart>(nameof(StartRoomActivity), roomId, ActivityRetry);
            state = new RoomFlowState(start.Recipe, start.First.WaitingBlockId, Cursor: 0, Turn: 0) { Variables = start.Variables };
            (state, status) = await DeliverAsync(context, input, state, start.First, start.Delivered);
        }
        if (Finished(status) is { } early) return early;

        // A new generation reads the transcript once more after a short while: a signal raised while it was starting
        // may still be lost (durabletask-dotnet #387), and no later signal may come to reveal the gap. A first
        // generation needs no such read: a signal raised before it existed was for a message its first read sees.
        var settling = input.State is not null;
        return await WaitForTurnsAsync(context, input, state, settling);
    }

    private static async Task<RoomFlowEnd> WaitForTurnsAsync(TaskOrchestrationContext context, RoomOrchestrationInput input, RoomFlowState state, bool settling)
    {
        var roomId = input.RoomId;
        var turns = 0;
        if (settling)
        {
            // The one timer of a generation. Inactivity is not the orchestration's business (IdleRooms ends idle
            // rooms), so a turn creates no timer: one that lost its race would still fire later, costing a queue
            // message and an episode each.
            using var cancel = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime.Add(SettleDelay), cancel.Token);
            var first = context.WaitForExternalEvent<RoomSignal>(RoomSignal.EventName, cancel.Token);
            var winner = await Task.WhenAny(first, timer);
            // The loser goes: a waiter left behind could take a later signal meant for the next waiter.
            cancel.Cancel();
            if (winner == timer)
            {
                var late = await context.CallActivityAsync<List<VisitorInput>>(
                    nameof(ReadVisitorInputsActivity), new ReadVisitorInputsRequest(roomId, state.Cursor), ActivityRetry);
                (state, var settled) = await HandleInputsAsync(context, input, state, late);
                if (Finished(settled) is { } settledResult) return settledResult;
            }
            else
            {
                turns++;
                (state, var handled) = await HandleSignalAsync(context, input, state, await first);
                if (handled is { } result) return result;
            }
        }

        for (; turns < input.TurnsPerGeneration; turns++)
        {
            var signal = await context.WaitForExternalEvent<RoomSignal>(RoomSignal.EventName);
            (state, var handled) = await HandleSignalAsync(context, input, state, signal);
            if (handled is { } result) return result;
        }

        context.ContinueAsNew(input with { State = state }, preserveUnprocessedEvents: true);
        return RoomFlowEnd.Continued;
    }

    /// <summary>Handles one signal; returns the orchestration's result when the room's flow is over.</summary>
    private static async Task<(RoomFlowState, RoomFlowEnd?)> HandleSignalAsync(TaskOrchestrationContext context, RoomOrchestrationInput input, RoomFlowState state, RoomSignal signal)
    {
        var roomId = input.RoomId;
        if (signal.Kind == RoomSignalKind.End)
        {
            context.CreateReplaySafeLogger<RoomOrchestrator>().LogInformation("Room {RoomId} ended: {Reason}", roomId, signal.Reason);
            return (state, RoomFlowEnd.Ended);
        }
        if (signal.Input is null || signal.Input.Seq <= state.Cursor) return (state, null);

        // A gap means an earlier signal went missing: the transcript has what it carried.
        var inputs = signal.Input.Seq == state.Cursor + 1
            ? [signal.Input]
            : await context.CallActivityAsync<List<VisitorInput>>(
                nameof(ReadVisitorInputsActivity), new ReadVisitorInputsRequest(roomId, state.Cursor), ActivityRetry);
        (state, var status) = await HandleInputsAsync(context, input, state, inputs);
        return (state, Finished(status));
    }

    private static RoomFlowEnd? Finished(RoomStatus status) => status switch
    {
        RoomStatus.Ended => RoomFlowEnd.Ended,
        RoomStatus.Waiting or RoomStatus.Agent => RoomFlowEnd.Transferred,
        _ => null,
    };

    private static async Task<(RoomFlowState, RoomStatus)> HandleInputsAsync(
        TaskOrchestrationContext context, RoomOrchestrationInput input, RoomFlowState state, IEnumerable<VisitorInput> inputs)
    {
        var status = RoomStatus.Open;
        foreach (var visitorInput in inputs.Where(i => i.Seq > state.Cursor).OrderBy(i => i.Seq))
        {
            var step = RecipeInterpreter.Continue(state.Recipe, state.Variables, state.WaitingBlockId, visitorInput);
            state = state with { Cursor = visitorInput.Seq };
            (state, status) = await DeliverAsync(context, input, state, step, room: visitorInput.Room);
            if (status != RoomStatus.Open) break;
        }
        return (state, status);
    }

    /// <summary>
    /// Carries out a step, and the steps that follow a webhook, until the flow waits, idles, transfers or ends.
    /// <paramref name="delivered"/>: the first step's turn was already delivered (by <see cref="StartRoomActivity"/>).
    /// <paramref name="room"/>: the room as the visitor's message left it, the first turn's guess (saves a read).
    /// </summary>
    private static async Task<(RoomFlowState, RoomStatus)> DeliverAsync(
        TaskOrchestrationContext context, RoomOrchestrationInput input, RoomFlowState state, FlowStep step, BotTurnResult? delivered = null, Room? room = null)
    {
        // Bounded: each pass either returns or follows a webhook, and a turn follows at most the cap plus its failure path.
        for (var webhookHops = 0; webhookHops <= MaxWebhookHopsPerTurn + 1;)
        {
            state = state with { WaitingBlockId = step.WaitingBlockId, Variables = step.Variables };
            if (step.HasTurn())
            {
                state = state with { Turn = state.Turn + 1 };
                var result = delivered ?? await context.CallActivityAsync<BotTurnResult>(nameof(SendBotMessagesActivity), BotTurn.Of(context.InstanceId, state.Turn, step) with { Room = room }, ActivityRetry);
                delivered = null;
                room = null;
                // The cursor may pass the bot's own messages while they directly follow it: no visitor message is between.
                var cursor = state.Cursor;
                foreach (var seq in (result.Seqs ?? []).Order())
                    if (seq == cursor + 1) cursor = seq;
                state = state with { Cursor = cursor };
                if (result.Status == RoomStatus.Ended) return (state, RoomStatus.Ended);
            }

            if (step.WebhookBlockId is { } webhookBlock)
            {
                // A receiver whose replies keep naming webhook blocks would loop forever in one episode: past the cap
                // the flow takes the failure path, and if that leads to a webhook again the turn stops there.
                if (++webhookHops > MaxWebhookHopsPerTurn + 1) break;
                var outcome = webhookHops > MaxWebhookHopsPerTurn
                    ? new WebhookOutcome(false, Error: $"More than {MaxWebhookHopsPerTurn} webhook calls in one turn.")
                    : await CallWebhookAsync(context, input, state, webhookBlock);
                step = RecipeInterpreter.AfterWebhook(state.Recipe, state.Variables, webhookBlock, outcome);
                continue;
            }
            if (step.Transferred)
            {
                await context.CallActivityAsync<bool>(nameof(TransferRoomActivity), new TransferRoomRequest(context.InstanceId, step.TransferDepartment), ActivityRetry);
                return (state, RoomStatus.Waiting);
            }
            return (state, RoomStatus.Open);
        }
        return (state, RoomStatus.Open);
    }

    private static async Task<WebhookOutcome> CallWebhookAsync(TaskOrchestrationContext context, RoomOrchestrationInput input, RoomFlowState state, string blockId)
    {
        var block = state.Recipe.Find(blockId)!;
        var retry = new RetryPolicy(input.WebhookAttempts, input.WebhookFirstRetry, backoffCoefficient: 2)
        {
            HandleFailure = failure => failure.IsCausedBy<WebhookTransientException>(),
        };
        try
        {
            return await context.CallActivityAsync<WebhookOutcome>(nameof(CallWebhookActivity),
                new WebhookCall(context.InstanceId, blockId, block.Url!, state.Recipe.Id, state.Recipe.Version), TaskOptions.FromRetryPolicy(retry));
        }
        catch (TaskFailedException e)
        {
            // The failure path, not a crashed room.
            return new WebhookOutcome(false, Error: e.Message);
        }
    }
}
