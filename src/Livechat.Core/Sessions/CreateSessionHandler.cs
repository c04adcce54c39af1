using Livechat.Core.Common;
using Livechat.Core.Limits;

namespace Livechat.Core.Sessions;

/// <summary>Creates an anonymous visitor session: the widget's first call.</summary>
public sealed class CreateSessionHandler(ISessionStore sessions, SessionTokenService tokens, ClientRateLimiter limiter, TimeProvider time)
{
    /// <param name="client">Whom the per-address limit counts.</param>
    public async Task<Outcome<SessionCreated>> HandleAsync(ClientKey client, CancellationToken cancellationToken)
    {
        if (await limiter.TrySessionAsync(client, cancellationToken) is { } tooMany) return tooMany;
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
