using Livechat.Core.Recipes;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Rooms;

/// <summary>
/// Runs one room's recipe (instance id = room id). It waits for <see cref="RoomSignal"/>s, runs the pure
/// <see cref="RecipeInterpreter"/> and hands its output to <see cref="SendBotMessagesActivity"/>: one activity per
/// turn. Visitor messages are in the transcript before the signal is raised, so a signal lost around
/// ContinueAsNew (durabletask-dotnet #387) costs nothing: each new generation first reads what it missed.
/// </summary>
public sealed class RoomOrchestrator : TaskOrchestrator<RoomOrchestrationInput, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, RoomOrchestrationInput input)
    {
        var logger = context.CreateReplaySafeLogger<RoomOrchestrator>();
        var roomId = input.RoomId;
        RoomFlowState state;

        if (input.State is null)
        {
            var recipe = await context.CallActivityAsync<Recipe>(nameof(LoadRoomRecipeActivity), roomId);
            var first = RecipeInterpreter.Start(recipe);
            state = new RoomFlowState(recipe, first.WaitingBlockId, Cursor: 0, Turn: 0);
            (state, var status) = await DeliverAsync(context, state, first);
            if (status == RoomStatus.Ended) return "ended";
        }
        else
        {
            state = input.State;
            var missed = await context.CallActivityAsync<List<VisitorInput>>(
                nameof(ReadVisitorInputsActivity), new ReadVisitorInputsRequest(roomId, state.Cursor));
            (state, var status) = await HandleInputsAsync(context, state, missed);
            if (status == RoomStatus.Ended) return "ended";
        }

        for (var turn = 0; turn < input.TurnsPerGeneration; turn++)
        {
            using var cancel = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime.Add(input.InactivityTimeout), cancel.Token);
            var signalTask = context.WaitForExternalEvent<RoomSignal>(RoomSignal.EventName, cancel.Token);
            var winner = await Task.WhenAny(signalTask, timer);
            if (winner == timer)
            {
                logger.LogInformation("Room {RoomId} ended after {Timeout} of inactivity", roomId, input.InactivityTimeout);
                await context.CallActivityAsync<BotTurnResult>(nameof(SendBotMessagesActivity),
                    new BotTurn(roomId, state.Turn + 1, [], EndReasons.Inactivity));
                return "inactive";
            }
            cancel.Cancel();

            var signal = await signalTask;
            if (signal.Kind == RoomSignalKind.End)
            {
                logger.LogInformation("Room {RoomId} ended: {Reason}", roomId, signal.Reason);
                return "ended";
            }
            if (signal.Input is null || signal.Input.Seq <= state.Cursor) continue;

            // A gap means an earlier signal went missing: the transcript has what it carried.
            var inputs = signal.Input.Seq == state.Cursor + 1
                ? [signal.Input]
                : await context.CallActivityAsync<List<VisitorInput>>(
                    nameof(ReadVisitorInputsActivity), new ReadVisitorInputsRequest(roomId, state.Cursor));
            (state, var status) = await HandleInputsAsync(context, state, inputs);
            if (status == RoomStatus.Ended) return "ended";
        }

        context.ContinueAsNew(input with { State = state }, preserveUnprocessedEvents: true);
        return "continued";
    }

    private static async Task<(RoomFlowState, RoomStatus)> HandleInputsAsync(
        TaskOrchestrationContext context, RoomFlowState state, IEnumerable<VisitorInput> inputs)
    {
        var status = RoomStatus.Open;
        foreach (var visitorInput in inputs.Where(i => i.Seq > state.Cursor).OrderBy(i => i.Seq))
        {
            var step = RecipeInterpreter.Continue(state.Recipe, state.WaitingBlockId, visitorInput);
            state = state with { WaitingBlockId = step.WaitingBlockId, Cursor = visitorInput.Seq };
            (state, status) = await DeliverAsync(context, state, step);
            if (status == RoomStatus.Ended) break;
        }
        return (state, status);
    }

    private static async Task<(RoomFlowState, RoomStatus)> DeliverAsync(TaskOrchestrationContext context, RoomFlowState state, FlowStep step)
    {
        if (step.Messages.Count == 0 && !step.Ended) return (state, RoomStatus.Open);
        state = state with { Turn = state.Turn + 1 };
        var result = await context.CallActivityAsync<BotTurnResult>(nameof(SendBotMessagesActivity),
            new BotTurn(context.InstanceId, state.Turn, step.Messages, step.Ended ? EndReasons.RecipeEnded : null));
        // The cursor may pass the bot's own messages while they directly follow it: no visitor message is between.
        var cursor = state.Cursor;
        foreach (var seq in (result.Seqs ?? []).Order())
            if (seq == cursor + 1) cursor = seq;
        return (state with { Cursor = cursor }, result.Status);
    }
}
