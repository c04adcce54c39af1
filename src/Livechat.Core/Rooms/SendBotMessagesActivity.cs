using Livechat.Core.Realtime;
using Livechat.Core.Recipes;
using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>
/// Delivers one bot turn: stores what the flow learned, then writes each message to the transcript before it is
/// fanned out. Idempotency keys
/// built from the turn make a retried activity store and send nothing twice.
/// </summary>
public sealed class SendBotMessagesActivity(IRoomStore rooms, IRealtimePublisher realtime, RoomCloser closer, FlowVariablesStore variables, TimeProvider time)
    : TaskActivity<BotTurn, BotTurnResult>
{
    public override Task<BotTurnResult> RunAsync(TaskActivityContext context, BotTurn input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<BotTurnResult> ExecuteAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(turn.RoomId, cancellationToken);
        if (room is null || room.Status == RoomStatus.Ended) return new BotTurnResult(RoomStatus.Ended);

        await variables.SaveAsync(room, turn.Saves, time.GetUtcNow(), cancellationToken);
        var seqs = new List<long>(turn.Messages.Count);
        for (var i = 0; i < turn.Messages.Count; i++)
        {
            var bot = turn.Messages[i];
            var appended = await rooms.AppendAsync(turn.RoomId,
                new NewMessage(Sender.Bot, bot.Text, $"bot-{turn.Turn}-{i}", bot.Buttons, bot.BlockId),
                time.GetUtcNow(), cancellationToken);
            if (appended is null) return new BotTurnResult(RoomStatus.Ended);
            seqs.Add(appended.Message.Seq);
            // Sent even when the append was a duplicate: the first attempt may have died before sending, and the
            // widget drops a message id it already shows.
            await realtime.SendToUserAsync(room.RealtimeUserId, RealtimeEvents.Message, appended.Message, cancellationToken);
        }

        if (turn.EndReason is not null)
        {
            await closer.CloseAsync(turn.RoomId, turn.EndReason, cancellationToken);
            return new BotTurnResult(RoomStatus.Ended, seqs);
        }
        return new BotTurnResult(room.Status, seqs);
    }
}
