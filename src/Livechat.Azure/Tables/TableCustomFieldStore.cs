using Azure.Data.Tables;
using Livechat.Core.CustomFields;

namespace Livechat.Azure.Tables;

/// <summary>
/// Custom fields, one partition per owner: reading a scope is one partition query, and moving a scope (setUserId,
/// a room opening) is a batch per 100 fields.
/// </summary>
public sealed class TableCustomFieldStore(LivechatTables tables) : ICustomFieldStore
{
    private const int MaxBatch = 100;

    public async Task<IReadOnlyList<CustomField>> ListAsync(FieldOwner owner, CancellationToken cancellationToken)
    {
        var list = new List<CustomField>();
        await foreach (var e in tables.CustomFields.QueryAsync<CustomFieldEntity>(e => e.PartitionKey == owner.Key, cancellationToken: cancellationToken))
            list.Add(new CustomField(e.RowKey, e.Value, e.UpdatedAt) { Source = Enum.TryParse<FieldSource>(e.Source, out var source) ? source : FieldSource.Page });
        return list;
    }

    public async Task SetAsync(FieldOwner owner, CustomField field, CancellationToken cancellationToken) =>
        await tables.CustomFields.UpsertEntityAsync(
            new CustomFieldEntity { PartitionKey = owner.Key, RowKey = field.Key, Value = field.Value, UpdatedAt = field.UpdatedAt, Source = field.Source.ToString() },
            TableUpdateMode.Replace, cancellationToken);

    public async Task CopyAsync(FieldOwner from, FieldOwner to, bool deleteSource, CancellationToken cancellationToken)
    {
        var source = await ListAsync(from, cancellationToken);
        foreach (var chunk in source.Chunk(MaxBatch))
        {
            await tables.CustomFields.SubmitTransactionAsync(chunk.Select(f => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new CustomFieldEntity { PartitionKey = to.Key, RowKey = f.Key, Value = f.Value, UpdatedAt = f.UpdatedAt, Source = f.Source.ToString() })), cancellationToken);
            if (deleteSource)
                await tables.CustomFields.SubmitTransactionAsync(chunk.Select(f => new TableTransactionAction(TableTransactionActionType.Delete,
                    new CustomFieldEntity { PartitionKey = from.Key, RowKey = f.Key, ETag = global::Azure.ETag.All })), cancellationToken);
        }
    }
}
