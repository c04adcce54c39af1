using Azure;
using Azure.Data.Tables;

namespace Livechat.Azure.Tables;

/// <summary>The stores' one optimistic write: replace a row only if nobody changed it since it was read.</summary>
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
}
