using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>Delivers one bot turn (see <see cref="BotTurnDelivery"/>) to a room that has started.</summary>
public sealed class SendBotMessagesActivity(IRoomStore rooms, BotTurnDelivery delivery) : TaskActivity<BotTurn, BotTurnResult>
{
    public override Task<BotTurnResult> RunAsync(TaskActivityContext context, BotTurn input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<BotTurnResult> ExecuteAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var room = turn.Room ?? await rooms.GetAsync(turn.RoomId, cancellationToken);
        return room is null ? new BotTurnResult(RoomStatus.Ended) : await delivery.DeliverAsync(room, turn, cancellationToken);
    }
}
