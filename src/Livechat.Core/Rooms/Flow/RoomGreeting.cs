using Livechat.Core.Recipes;

namespace Livechat.Core.Rooms;

/// <summary>
/// A room's greeting, delivered while the room opens when the recipe only talks before it waits: no orchestration
/// starts until the visitor answers (<see cref="DeferredFlow"/>), so an opened and abandoned chat, or a page that
/// opens rooms in a loop, costs no orchestration and no task hub history. A first step that calls a webhook or
/// transfers needs the engine's retries, so that room starts its orchestration at once.
/// </summary>
public sealed class RoomGreeting(FlowVariablesStore variables, BotTurnDelivery delivery)
{
    /// <summary>The recipe's first step for <paramref name="room"/> (not yet stored), and whether it can wait for the visitor.</summary>
    /// <param name="room">The room about to be stored.</param>
    /// <param name="recipe">The recipe version it is pinned to.</param>
    /// <param name="knownParams">The user params of an anonymous session the caller has just read; null: read them.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<(FlowStep First, DeferredFlow? Deferred)> PlanAsync(Room room, Recipe recipe, Sessions.UserParams? knownParams, CancellationToken cancellationToken)
    {
        var first = RecipeInterpreter.Start(recipe, await variables.ReadAsync(room, cancellationToken, knownParams));
        var deferrable = first.WebhookBlockId is null && !first.Transferred;
        return (first, deferrable ? new DeferredFlow(first.WaitingBlockId) : null);
    }

    /// <summary>
    /// Stores and sends the greeting as turn <see cref="StartRoomActivity.FirstTurn"/> (idempotent, whoever delivers
    /// it: the opening call or the orchestration's first activity); null when the first step says nothing.
    /// </summary>
    public async Task<BotTurnResult?> DeliverAsync(Room room, FlowStep first, CancellationToken cancellationToken) =>
        first.HasTurn() ? await delivery.DeliverAsync(room, BotTurn.Of(room.RoomId, StartRoomActivity.FirstTurn, first), cancellationToken) : null;
}
