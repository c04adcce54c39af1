using Azure;
using Livechat.Core.Rooms;

namespace Livechat.Azure.Tables;

/// <summary>Idle clocks in Table Storage, keyed by time (see <see cref="IdleRoomClockEntity"/>).</summary>
public sealed class TableIdleRoomClocks(LivechatTables tables) : IIdleRoomClocks
{
    public async Task SetAsync(IdleRoomClock clock, CancellationToken cancellationToken) =>
        await tables.IdleRoomClocks.UpsertEntityAsync(new IdleRoomClockEntity
        {
            PartitionKey = IdleRoomClockEntity.PartitionFor(clock.Due),
            RowKey = IdleRoomClockEntity.RowFor(clock.Due, clock.RoomId),
            RoomId = clock.RoomId,
            Due = clock.Due,
        }, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<IdleRoomClock>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        // Every key of an earlier minute is below this minute's; within it, '~' sorts after every "_room" suffix.
        var partition = IdleRoomClockEntity.PartitionFor(now);
        var row = $"{now.UtcTicks:D19}~";
        var due = new List<IdleRoomClock>();
        await foreach (var e in tables.IdleRoomClocks.QueryAsync<IdleRoomClockEntity>(
                           e => e.PartitionKey.CompareTo(partition) <= 0 && e.RowKey.CompareTo(row) <= 0,
                           maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            due.Add(new IdleRoomClock(e.RoomId, e.Due));
            if (due.Count >= max) break;
        }
        return due;
    }

    // The SDK answers a delete of a missing entity with its 404 response instead of throwing.
    public async Task RemoveAsync(IdleRoomClock clock, CancellationToken cancellationToken) =>
        await tables.IdleRoomClocks.DeleteEntityAsync(IdleRoomClockEntity.PartitionFor(clock.Due), IdleRoomClockEntity.RowFor(clock.Due, clock.RoomId), ETag.All, cancellationToken);
}
