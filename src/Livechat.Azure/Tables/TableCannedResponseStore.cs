using Azure;
using Azure.Data.Tables;
using Livechat.Core.CannedResponses;

namespace Livechat.Azure.Tables;

/// <summary>Canned responses in Table Storage, one partition per department (see <see cref="CannedResponseEntity"/>).</summary>
public sealed class TableCannedResponseStore(LivechatTables tables) : ICannedResponseStore
{
    public async Task<IReadOnlyList<CannedResponse>> ListAsync(string department, CancellationToken cancellationToken)
    {
        var list = new List<CannedResponse>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {department}");
        await foreach (var row in tables.CannedResponses.QueryAsync<CannedResponseEntity>(filter, cancellationToken: cancellationToken)) list.Add(row.ToResponse());
        return list;
    }

    public async Task SaveAsync(CannedResponse response, CancellationToken cancellationToken) =>
        await tables.CannedResponses.UpsertEntityAsync(CannedResponseEntity.From(response), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> DeleteAsync(string department, string shortcut, CancellationToken cancellationToken)
    {
        // The SDK answers a missing row with its 404 rather than throwing.
        var response = await tables.CannedResponses.DeleteEntityAsync(department, shortcut, ETag.All, cancellationToken);
        return response.Status != TableStatus.NotFound;
    }
}
