using Livechat.Core.Recipes;
using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>
/// The first work of a room whose greeting was delivered when it opened: the flow state the greeting left, and the
/// visitor messages since (the first of which started the orchestration), in one activity.
/// </summary>
public sealed class ResumeDeferredRoomActivity(IRoomStore rooms, IRecipeStore recipes, FlowVariablesStore variables, ReadVisitorInputsActivity inputs)
    : TaskActivity<string, DeferredRoomStart>
{
    public override Task<DeferredRoomStart> RunAsync(TaskActivityContext context, string roomId) => ExecuteAsync(roomId, CancellationToken.None);

    public async Task<DeferredRoomStart> ExecuteAsync(string roomId, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(roomId, cancellationToken)
            ?? throw new InvalidOperationException($"Room {roomId} does not exist.");
        var recipe = await recipes.GetVersionAsync(room.RecipeId, room.RecipeVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Recipe {room.RecipeId} version {room.RecipeVersion} does not exist.");
        var known = await variables.ReadAsync(room, cancellationToken);
        var state = new RoomFlowState(recipe, room.DeferredFlow?.WaitingBlockId, Cursor: 0, Turn: StartRoomActivity.FirstTurn) { Variables = known };
        return new DeferredRoomStart(state, await inputs.ExecuteAsync(new ReadVisitorInputsRequest(roomId, AfterSeq: 0), cancellationToken));
    }
}

/// <summary>Where a deferred room's flow stands, and the visitor messages it has to answer.</summary>
public sealed record DeferredRoomStart(RoomFlowState State, List<VisitorInput> Inputs);
