namespace Livechat.Core.Sessions;

/// <summary>Persists visitor sessions. Updates are conditional on the session's ETag.</summary>
public interface ISessionStore
{
    Task<VisitorSession> CreateAsync(VisitorSession session, CancellationToken cancellationToken);

    Task<VisitorSession?> GetAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Replaces the session if nobody changed it since it was read; null when somebody did.</summary>
    Task<VisitorSession?> TryReplaceAsync(VisitorSession session, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> sessions whose id sorts below <paramref name="idBound"/> (<see cref="SessionIds"/>); returns how many.</summary>
    Task<int> DeleteCreatedBeforeAsync(string idBound, int max, CancellationToken cancellationToken);
}
