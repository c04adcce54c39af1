using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>The stores' one optimistic write: insert a row nobody has, or replace one only if nobody changed it since it was read.</summary>
internal static class ConditionalReplace
{
    /// <summary>The row's new ETag; null when somebody wrote it, or deleted it, since <paramref name="entity"/>'s ETag.</summary>
    public static async Task<string?> TryAsync<T>(TableClient table, T entity, CancellationToken cancellationToken) where T : ITableEntity
    {
        try
        {
            var response = await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString() ?? "";
        }
        catch (RequestFailedException e) when (e.Status is TableStatus.PreconditionFailed or TableStatus.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Inserts <paramref name="entity"/> when it has no ETag (it was not read), else replaces it under its ETag; false
    /// when another writer came first (inserted it, changed it or deleted it).
    /// </summary>
    public static async Task<bool> TryInsertOrReplaceAsync<T>(TableClient table, T entity, CancellationToken cancellationToken) where T : ITableEntity
    {
        if (entity.ETag != default) return await TryAsync(table, entity, cancellationToken) is not null;
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == TableStatus.Conflict)
        {
            return false;
        }
    }
}
