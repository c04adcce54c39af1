using Livechat.Core.Realtime;
using Livechat.Core.Recipes;

namespace Livechat.Core.Rooms;

/// <summary>
/// Delivers one bot turn: stores what the flow learned, appends the turn's messages to the transcript in one
/// transaction, then fans them out. Idempotency keys built from the turn make a retried activity store and send
/// nothing twice.
/// </summary>
public sealed class BotTurnDelivery(IRoomStore rooms, RoomSnapshots snapshots, ChatEventPublisher events, RoomCloser closer, FlowVariablesStore variables, TimeProvider time)
{
    /// <param name="room">
    /// The room as last known: just read, or as the visitor's message left it. A stale one is caught by the append's
    /// ETag, which then reads the room again, so who hears the turn and the status returned are as of the append.
    /// </param>
    public async Task<BotTurnResult> DeliverAsync(Room room, BotTurn turn, CancellationToken cancellationToken)
    {
        if (room.Status == RoomStatus.Ended) return new BotTurnResult(RoomStatus.Ended);

        await variables.SaveAsync(room, turn.Saves, time.GetUtcNow(), cancellationToken);
        var seqs = new List<long>(turn.Messages.Count);
        // A recipe may say more in one turn than one transaction holds; each chunk is idempotent on its own.
        foreach (var chunk in turn.Messages.Select((bot, i) => new NewMessage(Sender.Bot, bot.Text, $"bot-{turn.Turn}-{i}", bot.Buttons, bot.BlockId))
                     .Chunk(IRoomStore.MaxMessagesPerAppend))
        {
            var outcome = await rooms.AppendAllAsync(room, chunk, time.GetUtcNow(), cancellationToken);
            if (outcome.Status != AppendStatus.Appended) return new BotTurnResult(RoomStatus.Ended);
            var appended = outcome.Messages;
            // A duplicate carries no room (the first attempt appended it; much may have happened since): read it.
            room = snapshots.Remember(appended[^1].Room) ?? await rooms.GetAsync(room.RoomId, cancellationToken) ?? room with { Status = RoomStatus.Ended };
            // Sent even when the append was a duplicate: the first attempt may have died before sending, and the
            // widget drops a message id it already shows.
            foreach (var result in appended)
            {
                seqs.Add(result.Message.Seq);
                await events.PublishAsync(new ChatEvent.MessageAdded(room, result.Message), cancellationToken);
            }
        }

        if (turn.EndReason is not null)
        {
            await closer.CloseAsync(turn.RoomId, turn.EndReason, cancellationToken);
            return new BotTurnResult(RoomStatus.Ended, seqs);
        }
        return new BotTurnResult(room.Status, seqs);
    }
}
