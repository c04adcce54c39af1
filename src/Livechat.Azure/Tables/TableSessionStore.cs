using Azure;
using Livechat.Core.Sessions;

namespace Livechat.Azure.Tables;

/// <summary>Sessions in Table Storage, one row each; replacements are conditional on the ETag.</summary>
public sealed class TableSessionStore(LivechatTables tables) : ISessionStore
{
    public async Task<VisitorSession> CreateAsync(VisitorSession session, CancellationToken cancellationToken)
    {
        var entity = SessionEntity.From(session);
        var response = await tables.Sessions.AddEntityAsync(entity, cancellationToken);
        return session with { ETag = response.Headers.ETag?.ToString() };
    }

    public async Task<VisitorSession?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var response = await tables.Sessions.GetEntityIfExistsAsync<SessionEntity>(sessionId, "", cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToSession() : null;
    }

    public async Task<VisitorSession?> TryReplaceAsync(VisitorSession session, CancellationToken cancellationToken)
    {
        var entity = SessionEntity.From(session);
        try
        {
            var response = await tables.Sessions.UpdateEntityAsync(entity, entity.ETag, global::Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
            return session with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is TableStatus.PreconditionFailed or TableStatus.NotFound)
        {
            return null;
        }
    }

    public async Task<int> DeleteCreatedBeforeAsync(string idBound, int max, CancellationToken cancellationToken)
    {
        var deleted = 0;
        // One key range from the prefix: sessions of older days only, in id order, keys alone.
        var old = tables.Sessions.QueryAsync<SessionEntity>(
            e => e.PartitionKey.CompareTo(SessionIds.Prefix) >= 0 && e.PartitionKey.CompareTo(idBound) < 0,
            maxPerPage: Math.Min(max, 1000), select: ["PartitionKey"], cancellationToken: cancellationToken);
        await foreach (var session in old)
        {
            await tables.Sessions.DeleteEntityAsync(session.PartitionKey, "", ETag.All, cancellationToken);
            if (++deleted >= max) break;
        }
        return deleted;
    }
}
