using Azure.Data.Tables;
using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Livechat.Core.Rooms.Receipts;

namespace Livechat.Azure.Tables;

/// <summary>Both read watermarks of a room in its partition (see <see cref="ReadReceiptEntity"/>), moved forward under their ETag.</summary>
public sealed class TableReadReceiptStore(LivechatTables tables) : IReadReceiptStore
{
    public async Task<ReadWatermarks> GetAsync(string roomId, CancellationToken cancellationToken)
    {
        long visitor = 0, agent = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {roomId} and RowKey ge {ReadReceiptEntity.Prefix} and RowKey lt {ReadReceiptEntity.End}");
        await foreach (var row in tables.Rooms.QueryAsync<ReadReceiptEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == ReadReceiptEntity.KeyOf(Sender.Visitor)) visitor = row.Seq;
            else if (row.RowKey == ReadReceiptEntity.KeyOf(Sender.Agent)) agent = row.Seq;
        }
        return new ReadWatermarks(visitor, agent);
    }

    public async Task<(long Seq, bool Moved)> AdvanceAsync(string roomId, Sender reader, long seq, CancellationToken cancellationToken)
    {
        var key = ReadReceiptEntity.KeyOf(reader);
        var outcome = await OptimisticConcurrency.RunAsync<(long, bool)>("read receipt", async _ =>
        {
            var read = await tables.Rooms.GetEntityIfExistsAsync<ReadReceiptEntity>(roomId, key, cancellationToken: cancellationToken);
            var row = read.HasValue ? read.Value! : new ReadReceiptEntity { PartitionKey = roomId, RowKey = key };
            if (row.Seq >= seq) return (row.Seq, false);
            row.Seq = seq;
            return await ConditionalReplace.TryInsertOrReplaceAsync(tables.Rooms, row, cancellationToken) ? (seq, true) : null;
        });
        // Twenty lost races in a row means other reports moved it meanwhile: as far as this one goes, it is done.
        return outcome.IsSuccess ? outcome.Value : (seq, false);
    }
}
