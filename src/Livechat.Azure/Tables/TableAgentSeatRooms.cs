using Azure;
using Azure.Data.Tables;
using Livechat.Core.Privacy;

namespace Livechat.Azure.Tables;

/// <summary>
/// The erased rooms in the agents' seats (AgentActivity "routing" rows, see <see cref="AgentRoutingEntity"/>): the
/// row is the agent's, so only the room ids go from it, which also frees the seats they held.
/// </summary>
public sealed class TableAgentSeatRooms(LivechatTables tables) : IPersonalDataHolder
{
    public string Name => "AgentSeats";

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ExportAsync(SubjectScope scope, CancellationToken cancellationToken)
    {
        var found = new List<IReadOnlyDictionary<string, object?>>();
        await foreach (var (row, held) in HoldingAsync(scope, cancellationToken))
            found.Add(new Dictionary<string, object?> { ["AgentId"] = row.PartitionKey, ["RoomIds"] = string.Join(' ', held) });
        return found;
    }

    public async Task<int> EraseAsync(SubjectScope scope, CancellationToken cancellationToken)
    {
        var removed = 0;
        await foreach (var (row, held) in HoldingAsync(scope, cancellationToken))
        {
            var rest = Rooms(row).Where(r => !scope.RoomIds.Contains(r));
            var patch = new TableEntity(row.PartitionKey, row.RowKey) { ["RoomIds"] = string.Join(' ', rest) };
            try
            {
                await tables.AgentActivity.UpdateEntityAsync(patch, row.ETag, TableUpdateMode.Merge, cancellationToken);
                removed += held.Count;
            }
            catch (RequestFailedException e) when (e.Status == TableStatus.PreconditionFailed)
            {
                // The seat moved meanwhile (a claim, a close): the erasure's next run takes it; a second one finds it.
            }
        }
        return removed;
    }

    private async IAsyncEnumerable<(TableEntity Row, List<string> Held)> HoldingAsync(SubjectScope scope,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (scope.RoomIds.Count == 0) yield break;
        var filter = $"RowKey eq {TableSubjectRows.Quoted(AgentRoutingEntity.RoutingRow)}";
        await foreach (var row in tables.AgentActivity.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var held = Rooms(row).Where(scope.RoomIds.Contains).ToList();
            if (held.Count > 0) yield return (row, held);
        }
    }

    private static string[] Rooms(TableEntity row) => (row.GetString("RoomIds") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
