using Livechat.Core.Common;

namespace Livechat.Core.Sessions;

/// <summary>
/// Applies a change to a session under its ETag, re-reading and re-applying when another tab wrote first, so
/// concurrent calls of one visitor never overwrite each other.
/// </summary>
public sealed class SessionUpdater(ISessionStore sessions)
{
    public Task<Outcome<VisitorSession>> UpdateAsync(VisitorSession session, Func<VisitorSession, VisitorSession> change, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<VisitorSession>("session", async _ =>
        {
            var changed = change(session);
            if (changed == session) return session;
            if (await sessions.TryReplaceAsync(changed, cancellationToken) is { } saved) return saved;
            session = await sessions.GetAsync(session.SessionId, cancellationToken) ?? session with { Ended = true };
            if (session.Ended) return Problem.Unauthorized("The session has ended (logged out). Create a new session.");
            return null;
        });
}
