using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>Delivers one bot turn (see <see cref="BotTurnDelivery"/>) to a room that has started.</summary>
public sealed class SendBotMessagesActivity(IRoomStore rooms, BotTurnDelivery delivery) : TaskActivity<BotTurn, BotTurnResult>
{
    public override Task<BotTurnResult> RunAsync(TaskActivityContext context, BotTurn input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<BotTurnResult> ExecuteAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        // The signal's room is checked by the append's ETag; saves happen before it, so a turn with saves reads the
        // room (setUserId may have given it a user, and a user's fields belong to the user).
        var room = turn.Room is { } guess && turn.Saves.Count == 0 && turn.Messages.Count > 0
            ? guess
            : await rooms.GetAsync(turn.RoomId, cancellationToken);
        return room is null ? new BotTurnResult(RoomStatus.Ended) : await delivery.DeliverAsync(room, turn, cancellationToken);
    }
}
