using Livechat.Core.Recipes;
using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>Loads the recipe version the room was pinned to when it opened, and what is known about the visitor.</summary>
public sealed class LoadRoomRecipeActivity(IRoomStore rooms, IRecipeStore recipes, FlowVariablesStore variables) : TaskActivity<string, RoomStart>
{
    public override Task<RoomStart> RunAsync(TaskActivityContext context, string roomId) => ExecuteAsync(roomId, CancellationToken.None);

    public async Task<RoomStart> ExecuteAsync(string roomId, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(roomId, cancellationToken)
            ?? throw new InvalidOperationException($"Room {roomId} does not exist.");
        var recipe = await recipes.GetVersionAsync(room.RecipeId, room.RecipeVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Recipe {room.RecipeId} version {room.RecipeVersion} does not exist.");
        return new RoomStart(recipe, await variables.ReadAsync(room, cancellationToken));
    }
}
