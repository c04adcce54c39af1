using Azure.Data.Tables;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>
/// Every row the server under test has in Azurite, as comparable text: proves that a refused request wrote nothing.
/// </summary>
public static class StorageSnapshot
{
    private static readonly string[] Tables = ["Sessions", "Rooms", "Recipes", "Users", "CustomFields", "AgentQueues", "IdleRoomClocks", "AgentTokens", "Departments"];

    public static async Task<IReadOnlyList<string>> TakeAsync(string tablePrefix)
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        var rows = new List<string>();
        foreach (var table in Tables)
        {
            var client = service.GetTableClient(tablePrefix + table);
            try
            {
                await foreach (var entity in client.QueryAsync<TableEntity>())
                {
                    var values = entity.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}");
                    rows.Add($"{table}|{entity.PartitionKey}|{entity.RowKey}|{string.Join(";", values)}");
                }
            }
            catch (global::Azure.RequestFailedException e) when (e.Status == 404)
            {
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public static async Task<IReadOnlyList<TableEntity>> RowsAsync(string tablePrefix, string table, string partitionKey)
    {
        var client = new TableServiceClient("UseDevelopmentStorage=true").GetTableClient(tablePrefix + table);
        var rows = new List<TableEntity>();
        await foreach (var entity in client.QueryAsync<TableEntity>(e => e.PartitionKey == partitionKey)) rows.Add(entity);
        return rows;
    }
}
