using Livechat.Core.Recipes;
using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>
/// A room's first work: loads the recipe version the room was pinned to and what is known about the visitor, runs
/// the recipe up to its first wait and delivers that first turn (the greeting). One activity instead of a load and a
/// send saves the orchestration an episode and a round trip through the queues before the visitor sees anything.
/// The interpreter is pure, so running it here rather than in the orchestrator changes nothing but where.
/// </summary>
public sealed class StartRoomActivity(IRoomStore rooms, IRecipeStore recipes, RoomGreeting greeting, IdleRooms idle)
    : TaskActivity<string, RoomStart>
{
    /// <summary>The greeting's turn number: the idempotency keys of its messages derive from it.</summary>
    public const int FirstTurn = 1;

    public override Task<RoomStart> RunAsync(TaskActivityContext context, string roomId) => ExecuteAsync(roomId, CancellationToken.None);

    public async Task<RoomStart> ExecuteAsync(string roomId, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(roomId, cancellationToken)
            ?? throw new InvalidOperationException($"Room {roomId} does not exist.");
        var recipe = await recipes.GetVersionAsync(room.RecipeId, room.RecipeVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Recipe {room.RecipeId} version {room.RecipeVersion} does not exist.");
        await idle.WatchAsync(room, cancellationToken);
        var (first, _) = await greeting.PlanAsync(room, recipe, knownParams: null, cancellationToken);
        return new RoomStart(recipe, first.Variables, first, await greeting.DeliverAsync(room, first, cancellationToken));
    }
}
