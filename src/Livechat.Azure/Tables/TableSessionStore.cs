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

    public async Task<VisitorSession?> TryReplaceAsync(VisitorSession session, CancellationToken cancellationToken) =>
        await ConditionalReplace.TryAsync(tables.Sessions, SessionEntity.From(session), cancellationToken) is { } etag ? session with { ETag = etag } : null;

    // From the prefix: sessions of older days only, never an id of the format before day prefixes.
    public Task<int> DeleteCreatedBeforeAsync(string idBound, int max, CancellationToken cancellationToken) =>
        PartitionRange.DeleteAsync(tables.Sessions, SessionIds.Prefix, idBound, max, cancellationToken);
}
