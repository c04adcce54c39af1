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

    public async Task<Room?> TryReplaceAsync(Room room, CancellationToken cancellationToken)
    {
        var entity = RoomEntity.From(room);
        try
        {
            var response = await tables.Rooms.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return room with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is TableStatus.PreconditionFailed or TableStatus.NotFound)
        {
            return null;
        }
    }

    public async Task<AppendResult?> AppendAsync(string roomId, NewMessage message, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var markerKey = IdempotencyMarkerEntity.Prefix + message.IdempotencyKey;
        for (var attempt = 0; attempt < MaxAppendAttempts; attempt++)
        {
            var room = await tables.Rooms.GetEntityIfExistsAsync<RoomEntity>(roomId, RoomEntity.Key, cancellationToken: cancellationToken);
            if (!room.HasValue) return null;
            var roomEntity = room.Value!;
            var stored = new ChatMessage
            {
                Id = Ids.New("m"),
                RoomId = roomId,
                Seq = roomEntity.NextSeq,
                Sender = message.Sender,
                Text = message.Text,
                Buttons = message.Buttons ?? [],
                BlockId = message.BlockId,
                ClientMessageId = message.ClientMessageId,
                ButtonId = message.ButtonId,
                AgentId = message.AgentId,
                SentAt = sentAt,
            };
            roomEntity.NextSeq++;
            TableTransactionAction[] batch =
            [
                new(TableTransactionActionType.UpdateReplace, roomEntity, roomEntity.ETag),
                new(TableTransactionActionType.Add, MessageEntity.From(stored)),
                new(TableTransactionActionType.Add, new IdempotencyMarkerEntity { PartitionKey = roomId, RowKey = markerKey, Seq = stored.Seq }),
            ];
            try
            {
                await tables.Rooms.SubmitTransactionAsync(batch, cancellationToken);
                return new AppendResult(stored, Duplicate: false);
            }
            catch (TableTransactionFailedException e) when (e.Status == TableStatus.PreconditionFailed)
            {
                await Task.Delay(Random.Shared.Next(1, 5 + attempt * 5), cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == TableStatus.Conflict)
            {
                var existing = await FindByMarkerAsync(roomId, markerKey, cancellationToken);
                if (existing is not null) return new AppendResult(existing, Duplicate: true);
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

    private async Task<ChatMessage?> FindByMarkerAsync(string roomId, string markerKey, CancellationToken cancellationToken)
    {
        var marker = await tables.Rooms.GetEntityIfExistsAsync<IdempotencyMarkerEntity>(roomId, markerKey, cancellationToken: cancellationToken);
        if (!marker.HasValue) return null;
        var message = await tables.Rooms.GetEntityAsync<MessageEntity>(roomId, MessageEntity.KeyOf(marker.Value!.Seq), cancellationToken: cancellationToken);
        return message.Value.ToMessage();
    }
}
