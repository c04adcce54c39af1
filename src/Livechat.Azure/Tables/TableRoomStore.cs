using Azure;
using Azure.Data.Tables;
using Livechat.Core.Common;
using Livechat.Core.Rooms;

namespace Livechat.Azure.Tables;

/// <summary>
/// Rooms and transcripts in one partition per room. An append is one entity-group transaction: bump the room's
/// NextSeq under its ETag, insert the message, insert the idempotency marker. Sequence numbers are therefore
/// gap-free and ordered, and a retried append is detected by the marker's conflict.
/// </summary>
public sealed class TableRoomStore(LivechatTables tables) : IRoomStore
{
    // Above OptimisticConcurrency.Budget on purpose: a room's row is the one hot spot by design (the visitor, the
    // bot and the agent all append to it), and an append must not fail for losing a burst of races.
    private const int MaxAppendAttempts = 50;

    public async Task<(Room Room, bool Created)> CreateAsync(Room room, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Rooms.AddEntityAsync(RoomEntity.From(room), cancellationToken);
            return (room with { ETag = response.Headers.ETag?.ToString() }, true);
        }
        catch (RequestFailedException e) when (e.Status == TableStatus.Conflict)
        {
            return (await GetAsync(room.RoomId, cancellationToken) ?? throw new InvalidOperationException("Room vanished after a conflict.", e), false);
        }
    }

    public async Task<Room?> GetAsync(string roomId, CancellationToken cancellationToken)
    {
        var response = await tables.Rooms.GetEntityIfExistsAsync<RoomEntity>(roomId, RoomEntity.Key, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToRoom() : null;
    }

    public async Task<Room?> TryReplaceAsync(Room room, CancellationToken cancellationToken) =>
        await ConditionalReplace.TryAsync(tables.Rooms, RoomEntity.From(room), cancellationToken) is { } etag ? room with { ETag = etag } : null;

    public Task<AppendOutcome> AppendAsync(Room room, NewMessage message, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        AppendAllAsync(room, [message], sentAt, cancellationToken);

    public async Task<AppendOutcome> AppendAllAsync(Room room, IReadOnlyList<NewMessage> messages, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return AppendOutcome.Of();
        if (messages.Count > IRoomStore.MaxMessagesPerAppend)
            throw new ArgumentException($"At most {IRoomStore.MaxMessagesPerAppend} messages in one append.", nameof(messages));
        var markerKeys = messages.Select(m => IdempotencyMarkerEntity.Prefix + m.IdempotencyKey).ToList();
        if (markerKeys.Distinct(StringComparer.Ordinal).Count() != markerKeys.Count)
            throw new ArgumentException("Idempotency keys must differ within one append.", nameof(messages));

        var roomId = room.RoomId;
        // The caller's read is the first guess: no read before the write unless somebody wrote in between.
        if (room.Status == RoomStatus.Ended) return await EndedUnlessRetriedAsync(room.RoomId, markerKeys, cancellationToken);
        var roomEntity = room.ETag is null ? null : RoomEntity.From(room);
        for (var attempt = 0; attempt < MaxAppendAttempts; attempt++)
        {
            if (roomEntity is null)
            {
                var read = await tables.Rooms.GetEntityIfExistsAsync<RoomEntity>(roomId, RoomEntity.Key, cancellationToken: cancellationToken);
                if (!read.HasValue) return AppendOutcome.NoSuchRoom;
                if (read.Value!.Status == nameof(RoomStatus.Ended)) return await EndedUnlessRetriedAsync(roomId, markerKeys, cancellationToken);
                roomEntity = read.Value!;
            }
            var stored = messages.Select((message, i) => new ChatMessage
            {
                Id = Ids.New("m"),
                RoomId = roomId,
                Seq = roomEntity.NextSeq + i,
                Sender = message.Sender,
                Text = message.Text,
                Buttons = message.Buttons ?? [],
                BlockId = message.BlockId,
                ClientMessageId = message.ClientMessageId,
                ButtonId = message.ButtonId,
                AgentId = message.AgentId,
                Attachment = message.Attachment,
                SentAt = sentAt,
            }).ToList();
            roomEntity.NextSeq += messages.Count;
            var batch = new List<TableTransactionAction>(1 + 2 * messages.Count)
            {
                new(TableTransactionActionType.UpdateReplace, roomEntity, roomEntity.ETag),
            };
            for (var i = 0; i < stored.Count; i++)
            {
                batch.Add(new(TableTransactionActionType.Add, MessageEntity.From(stored[i])));
                batch.Add(new(TableTransactionActionType.Add, new IdempotencyMarkerEntity { PartitionKey = roomId, RowKey = markerKeys[i], Seq = stored[i].Seq }));
            }
            try
            {
                var responses = await tables.Rooms.SubmitTransactionAsync(batch, cancellationToken);
                // The room's replace comes first in the batch: its new ETag lets the next append skip the read.
                var after = roomEntity.ToRoom() with { ETag = responses.Value[0].Headers.ETag?.ToString() };
                return AppendOutcome.Of(stored.Select(m => new AppendResult(m, Duplicate: false, after)).ToList());
            }
            catch (TableTransactionFailedException e) when (e.Status is TableStatus.PreconditionFailed or TableStatus.NotFound)
            {
                roomEntity = null;
                if (attempt > 0) await Task.Delay(Random.Shared.Next(1, 5 + attempt * 5), cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == TableStatus.Conflict)
            {
                roomEntity = null;
                // The markers are written together, so the first one tells whether this append happened before.
                if (await FindByMarkersAsync(roomId, markerKeys, cancellationToken) is { } retried) return Duplicates(retried);
                // The conflict was a message key taken by a racing append: read the room again.
            }
        }
        throw new InvalidOperationException($"Could not append to room {roomId} after {MaxAppendAttempts} attempts.");
    }

    public async Task<IReadOnlyList<ChatMessage>> ReadMessagesAsync(string roomId, long afterSeq, int max, CancellationToken cancellationToken)
    {
        var from = MessageEntity.KeyOf(afterSeq + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {roomId} and RowKey ge {from} and RowKey lt {MessageEntity.End}");
        var messages = new List<ChatMessage>();
        await foreach (var entity in tables.Rooms.QueryAsync<MessageEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            messages.Add(entity.ToMessage());
            if (messages.Count >= max) break;
        }
        return messages;
    }

    /// <summary>
    /// An ended room takes no message, but a retry of one it took before its end gets that message back.
    /// </summary>
    private async Task<AppendOutcome> EndedUnlessRetriedAsync(string roomId, IReadOnlyList<string> markerKeys, CancellationToken cancellationToken) =>
        await FindByMarkersAsync(roomId, markerKeys, cancellationToken) is { } existing ? Duplicates(existing) : AppendOutcome.RoomEnded;

    private static AppendOutcome Duplicates(List<ChatMessage> existing) =>
        AppendOutcome.Of(existing.Select(m => new AppendResult(m, Duplicate: true)).ToList());

    private async Task<List<ChatMessage>?> FindByMarkersAsync(string roomId, IReadOnlyList<string> markerKeys, CancellationToken cancellationToken)
    {
        var found = new List<ChatMessage>(markerKeys.Count);
        foreach (var markerKey in markerKeys)
        {
            var marker = await tables.Rooms.GetEntityIfExistsAsync<IdempotencyMarkerEntity>(roomId, markerKey, cancellationToken: cancellationToken);
            if (!marker.HasValue) return null;
            var message = await tables.Rooms.GetEntityAsync<MessageEntity>(roomId, MessageEntity.KeyOf(marker.Value!.Seq), cancellationToken: cancellationToken);
            found.Add(message.Value.ToMessage());
        }
        return found;
    }
}
