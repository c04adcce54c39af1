using Livechat.Core.Realtime;
using Livechat.Core.Recipes;

namespace Livechat.Core.Rooms;

/// <summary>
/// Delivers one bot turn: stores what the flow learned, appends the turn's messages to the transcript in one
/// transaction, then fans them out. Idempotency keys built from the turn make a retried activity store and send
/// nothing twice.
/// </summary>
public sealed class BotTurnDelivery(IRoomStore rooms, IRealtimePublisher realtime, RoomCloser closer, FlowVariablesStore variables, TimeProvider time)
{
    /// <param name="room">The room as just read from the store.</param>
    public async Task<BotTurnResult> DeliverAsync(Room room, BotTurn turn, CancellationToken cancellationToken)
    {
        if (room.Status == RoomStatus.Ended) return new BotTurnResult(RoomStatus.Ended);

        await variables.SaveAsync(room, turn.Saves, time.GetUtcNow(), cancellationToken);
        var seqs = new List<long>(turn.Messages.Count);
        // A recipe may say more in one turn than one transaction holds; each chunk is idempotent on its own.
        foreach (var chunk in turn.Messages.Select((bot, i) => new NewMessage(Sender.Bot, bot.Text, $"bot-{turn.Turn}-{i}", bot.Buttons, bot.BlockId))
                     .Chunk(IRoomStore.MaxMessagesPerAppend))
        {
            var appended = await rooms.AppendAllAsync(room, chunk, time.GetUtcNow(), cancellationToken);
            if (appended is null) return new BotTurnResult(RoomStatus.Ended);
            // Sent even when the append was a duplicate: the first attempt may have died before sending, and the
            // widget drops a message id it already shows.
            foreach (var result in appended)
            {
                seqs.Add(result.Message.Seq);
                await realtime.SendToUserAsync(room.RealtimeUserId, RealtimeEvents.Message, result.Message, cancellationToken);
            }
            // The next chunk's first guess: the room as this append left it (its ETag is unknown here, so read again).
            room = room with { ETag = null };
        }

        if (turn.EndReason is not null)
        {
            await closer.CloseAsync(turn.RoomId, turn.EndReason, cancellationToken);
            return new BotTurnResult(RoomStatus.Ended, seqs);
        }
        return new BotTurnResult(room.Status, seqs);
    }
}
