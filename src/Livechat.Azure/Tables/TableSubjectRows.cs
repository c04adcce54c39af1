using Azure;
using Azure.Data.Tables;
using Livechat.Core.Privacy;

namespace Livechat.Azure.Tables;

/// <summary>
/// One table's rows of a subject: the rows that OData filters built from the scope select (a few ids at a time),
/// less those <c>keep</c> refuses. Exports every stored property, so a column another feature adds later is exported
/// too; erases by key, a batch per partition.
/// </summary>
public sealed class TableSubjectRows(string name, TableClient table, Func<SubjectScope, IEnumerable<string>> filters,
    Func<TableEntity, SubjectScope, bool>? keep = null) : IPersonalDataHolder
{
    private const int IdsPerFilter = 15;
    private const int MaxBatch = 100;

    public string Name => name;

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ExportAsync(SubjectScope scope, CancellationToken cancellationToken) =>
        (await RowsAsync(scope, null, cancellationToken))
        .Select(row => (IReadOnlyDictionary<string, object?>)row.Where(p => p.Key != "odata.etag").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal))
        .ToList();

    public async Task<int> EraseAsync(SubjectScope scope, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(scope, keep is null ? ["PartitionKey", "RowKey"] : null, cancellationToken);
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        foreach (var chunk in partition.Chunk(MaxBatch))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete,
                    new TableEntity(r.PartitionKey, r.RowKey), ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException)
            {
                // A row went meanwhile (a racing erasure): delete the rest one by one; a missing one is no error there.
                foreach (var r in chunk) await table.DeleteEntityAsync(r.PartitionKey, r.RowKey, ETag.All, cancellationToken);
            }
        }
        return rows.Count;
    }

    private async Task<List<TableEntity>> RowsAsync(SubjectScope scope, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, string)>();
        var rows = new List<TableEntity>();
        foreach (var filter in filters(scope))
        {
            try
            {
                await foreach (var row in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
                    if ((keep is null || keep(row, scope)) && seen.Add((row.PartitionKey, row.RowKey))) rows.Add(row);
            }
            catch (RequestFailedException e) when (e.Status == TableStatus.NotFound)
            {
                // The table was never made (a feature never used): it holds nothing.
            }
        }
        return rows;
    }

    /// <summary>Filters selecting rows whose <paramref name="property"/> is one of <paramref name="values"/>, a few values each.</summary>
    public static IEnumerable<string> AnyOf(string property, IEnumerable<string> values) =>
        values.Chunk(IdsPerFilter).Select(chunk => string.Join(" or ", chunk.Select(v => $"{property} eq {Quoted(v)}")));

    /// <summary>An OData string literal.</summary>
    public static string Quoted(string value) => TableClient.CreateQueryFilter($"{value}");
}
