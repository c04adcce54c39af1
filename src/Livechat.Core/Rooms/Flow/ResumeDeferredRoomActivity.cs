using Livechat.Core.Recipes;
using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>
/// The first work of a room whose greeting was delivered when it opened: the flow state the greeting left, the
/// visitor messages since, and the answer to the first of them (the one that started the orchestration), in one
/// activity: the first reply waits for one activity, as any later one does. The interpreter is pure, so answering
/// here rather than in the orchestrator changes nothing but where.
/// </summary>
public sealed class ResumeDeferredRoomActivity(IRoomStore rooms, IRecipeStore recipes, FlowVariablesStore variables, ReadVisitorInputsActivity inputs, BotTurnDelivery delivery)
    : TaskActivity<string, DeferredRoomStart>
{
    public override Task<DeferredRoomStart> RunAsync(TaskActivityContext context, string roomId) => ExecuteAsync(roomId, CancellationToken.None);

    public async Task<DeferredRoomStart> ExecuteAsync(string roomId, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(roomId, cancellationToken)
            ?? throw new InvalidOperationException($"Room {roomId} does not exist.");
        // Independent reads of one room: in parallel.
        var recipeRead = recipes.GetVersionAsync(room.RecipeId, room.RecipeVersion, cancellationToken);
        var knownRead = variables.ReadAsync(room, cancellationToken);
        var inputsRead = inputs.ExecuteAsync(new ReadVisitorInputsRequest(roomId, AfterSeq: 0), cancellationToken);
        await Task.WhenAll(recipeRead, knownRead, inputsRead);
        var recipe = await recipeRead
            ?? throw new InvalidOperationException($"Recipe {room.RecipeId} version {room.RecipeVersion} does not exist.");
        var state = new RoomFlowState(recipe, room.DeferredFlow?.WaitingBlockId, Cursor: 0, Turn: StartRoomActivity.FirstTurn) { Variables = await knownRead };
        var visitorInputs = await inputsRead;
        if (visitorInputs.OrderBy(i => i.Seq).FirstOrDefault() is not { } first) return new DeferredRoomStart(state, visitorInputs);

        var step = RecipeInterpreter.Continue(recipe, state.Variables, state.WaitingBlockId, first);
        state = state with { Cursor = first.Seq };
        // The turn number the orchestration gives this step when it carries the answer on (RoomOrchestrator.DeliverAsync).
        var delivered = step.HasTurn() ? await delivery.DeliverAsync(room, BotTurn.Of(roomId, state.Turn + 1, step), cancellationToken) : null;
        return new DeferredRoomStart(state, visitorInputs) { FirstAnswer = new DeferredAnswer(step, delivered) };
    }
}

/// <summary>
/// Where a deferred room's flow stands (its cursor on the first message when <see cref="FirstAnswer"/> is set), and
/// the visitor messages it has to answer.
/// </summary>
public sealed record DeferredRoomStart(RoomFlowState State, List<VisitorInput> Inputs)
{
    /// <summary>The step that answers the first message, and how its delivery went; null when there was no message.</summary>
    public DeferredAnswer? FirstAnswer { get; init; }
}

/// <summary>The recipe's step for the first visitor message, already delivered when it had something to say.</summary>
public sealed record DeferredAnswer(FlowStep Step, BotTurnResult? Delivered);
