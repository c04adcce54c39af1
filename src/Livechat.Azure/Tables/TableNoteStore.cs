using Azure;
using Azure.Data.Tables;
using Livechat.Core.Notes;

namespace Livechat.Azure.Tables;

/// <summary>Internal notes in their room's partition (see <see cref="NoteEntity"/>).</summary>
public sealed class TableNoteStore(LivechatTables tables) : INoteStore
{
    public async Task<(RoomNote Note, bool Created)> AddAsync(RoomNote note, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Rooms.AddEntityAsync(NoteEntity.From(note), cancellationToken);
            return (note, true);
        }
        catch (RequestFailedException e) when (e.Status == TableStatus.Conflict)
        {
            var stored = await tables.Rooms.GetEntityAsync<NoteEntity>(note.RoomId, NoteEntity.KeyOf(note.AgentId, note.ClientNoteId), cancellationToken: cancellationToken);
            return (stored.Value.ToNote(), false);
        }
    }

    public async Task<IReadOnlyList<RoomNote>> ListAsync(string roomId, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {roomId} and RowKey ge {NoteEntity.Prefix} and RowKey lt {NoteEntity.End}");
        var notes = new List<RoomNote>();
        await foreach (var row in tables.Rooms.QueryAsync<NoteEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            notes.Add(row.ToNote());
            if (notes.Count >= max) break;
        }
        // Keyed by writer for idempotency, so written order is the time they were written (ties: the id, for a stable order).
        return notes.OrderBy(n => n.SentAt).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
    }
}
