using Livechat.Core.Common;

namespace Livechat.Core.Sessions;

/// <summary>
/// Applies a change to a session under its ETag, re-reading and re-applying when another tab wrote first, so
/// concurrent calls of one visitor never overwrite each other.
/// </summary>
public sealed class SessionUpdater(ISessionStore sessions)
{
    public async Task<Outcome<VisitorSession>> UpdateAsync(VisitorSession session, Func<VisitorSession, VisitorSession> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var changed = change(session);
            if (changed == session) return session;
            var saved = await sessions.TryReplaceAsync(changed, cancellationToken);
            if (saved is not null) return saved;
            session = await sessions.GetAsync(session.SessionId, cancellationToken) ?? session with { Ended = true };
            if (session.Ended) return Problem.Unauthorized("The session has ended (logged out). Create a new session.");
        }
        return Problem.Conflict("Too many concurrent changes to this session.", "Try again.");
    }
}
