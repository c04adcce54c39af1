using Livechat.Core.Recipes;
using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>Loads the recipe version the room was pinned to when it opened.</summary>
public sealed class LoadRoomRecipeActivity(IRoomStore rooms, IRecipeStore recipes) : TaskActivity<string, Recipe>
{
    public override Task<Recipe> RunAsync(TaskActivityContext context, string roomId) => ExecuteAsync(roomId, CancellationToken.None);

    public async Task<Recipe> ExecuteAsync(string roomId, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(roomId, cancellationToken)
            ?? throw new InvalidOperationException($"Room {roomId} does not exist.");
        return await recipes.GetVersionAsync(room.RecipeId, room.RecipeVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Recipe {room.RecipeId} version {room.RecipeVersion} does not exist.");
    }
}
