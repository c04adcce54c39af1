using Livechat.Core.Common;
using Livechat.Core.Users;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Sessions;

/// <summary>
/// Turns a bearer token into the caller's session, refusing forged, expired, ended or rebound tokens.
/// Every visitor call goes through here, so no call can act on another visitor's session.
/// </summary>
public sealed partial class SessionAuthenticator(SessionTokenService tokens, ISessionStore sessions, UserIdSignature signatures, ILogger<SessionAuthenticator> logger)
{
    public async Task<Outcome<VisitorSession>> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken)
    {
        var token = tokens.Validate(bearerToken);
        if (token is null) return Problem.Unauthorized("The session token is missing, invalid or expired. Create a new session.");
        var session = await sessions.GetAsync(token.SessionId, cancellationToken);
        if (session is null || session.VisitorId != token.VisitorId)
            return Problem.Unauthorized("The session does not exist. Create a new session.");
        if (session.Ended) return Problem.Unauthorized("The session has ended (logged out). Create a new session.");
        return session.UserId is not null && signatures.Required && session.UserProofKey != signatures.KeyId
            ? await UnlinkAsync(session, cancellationToken)
            : session;
    }

    /// <summary>
    /// A user link made while verification was off, or proved by a secret since rotated, proves nothing now: the
    /// session goes on as the anonymous visitor it was, and the page's next setUserId (with a proof) links it again.
    /// </summary>
    private async Task<VisitorSession> UnlinkAsync(VisitorSession session, CancellationToken cancellationToken)
    {
        var unlinked = session with { UserId = null, UserProofKey = null };
        LogUnlinked(session.SessionId, session.UserProofKey is null ? "made without verification" : "proved by a rotated secret");
        // A lost race leaves the stored link for the next call to void again; this call already acts as the visitor.
        return await sessions.TryReplaceAsync(unlinked, cancellationToken) ?? unlinked;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} no longer acts as its user: the link was {Why}")]
    private partial void LogUnlinked(string sessionId, string why);
}
