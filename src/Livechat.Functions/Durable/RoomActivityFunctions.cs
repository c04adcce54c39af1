using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Durable;

/// <summary>Activity triggers over the core's room activities, named as the orchestrator calls them.</summary>
public sealed class RoomActivityFunctions(
    LoadRoomRecipeActivity loadRecipe,
    ReadVisitorInputsActivity readInputs,
    SendBotMessagesActivity sendBotMessages)
{
    [Function(nameof(LoadRoomRecipeActivity))]
    public Task<Recipe> LoadRoomRecipe([ActivityTrigger] string roomId, CancellationToken cancellationToken) =>
        loadRecipe.ExecuteAsync(roomId, cancellationToken);

    [Function(nameof(ReadVisitorInputsActivity))]
    public Task<List<VisitorInput>> ReadVisitorInputs([ActivityTrigger] ReadVisitorInputsRequest request, CancellationToken cancellationToken) =>
        readInputs.ExecuteAsync(request, cancellationToken);

    [Function(nameof(SendBotMessagesActivity))]
    public Task<BotTurnResult> SendBotMessages([ActivityTrigger] BotTurn turn, CancellationToken cancellationToken) =>
        sendBotMessages.ExecuteAsync(turn, cancellationToken);
}
