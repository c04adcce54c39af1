using Livechat.Core.Common;

namespace Livechat.Core.Sessions;

/// <summary>Creates an anonymous visitor session: the widget's first call.</summary>
public sealed class CreateSessionHandler(ISessionStore sessions, SessionTokenService tokens, TimeProvider time)
{
    public async Task<SessionCreated> HandleAsync(CancellationToken cancellationToken)
    {
        var session = await sessions.CreateAsync(new VisitorSession
        {
            SessionId = SessionIds.New(time.GetUtcNow()),
            VisitorId = Ids.New("v"),
            CreatedAt = time.GetUtcNow(),
        }, cancellationToken);
        var (token, expires) = tokens.Issue(session.SessionId, session.VisitorId);
        return new SessionCreated(session.SessionId, session.VisitorId, token, expires);
    }
}

public sealed record SessionCreated(string SessionId, string VisitorId, string Token, DateTimeOffset ExpiresAt);
