using Livechat.Core.Common;

namespace Livechat.Core.Sessions;

/// <summary>
/// Turns a bearer token into the caller's session, refusing forged, expired, ended or rebound tokens.
/// Every visitor call goes through here, so no call can act on another visitor's session.
/// </summary>
public sealed class SessionAuthenticator(SessionTokenService tokens, ISessionStore sessions)
{
    public async Task<Outcome<VisitorSession>> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken)
    {
        var token = tokens.Validate(bearerToken);
        if (token is null) return Problem.Unauthorized("The session token is missing, invalid or expired. Create a new session.");
        var session = await sessions.GetAsync(token.SessionId, cancellationToken);
        if (session is null || session.VisitorId != token.VisitorId)
            return Problem.Unauthorized("The session does not exist. Create a new session.");
        if (session.Ended) return Problem.Unauthorized("The session has ended (logged out). Create a new session.");
        return session;
    }
}
