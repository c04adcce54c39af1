using Livechat.Core.Common;
using Livechat.Core.Sessions;

namespace Livechat.Core.Users;

/// <summary>
/// Stores user params where they live: on the user when there is one (every device sees them), else on the anonymous
/// session; under the ETag, re-reading when another writer came first. It never creates a user: the user row is made
/// when the id is set (setUserId, a room's opening), so a missing one was erased, and a flow still running must not
/// bring it back.
/// </summary>
public sealed class UserParamsWriter(ISessionStore sessions, IUserStore users)
{
    /// <summary>A problem when the session is gone or the writes kept conflicting.</summary>
    public Task<Outcome<bool>> ApplyAsync(string sessionId, string? userId, UserParamsRequest request, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<bool>(userId is null ? "session" : "user", async _ =>
        {
            if (userId is not null)
            {
                var user = await users.GetAsync(userId, cancellationToken);
                if (user is null) return Problem.Gone("The user is gone.", "Its data was erased.");
                if (await users.TryReplaceAsync(user with { UserParams = UserParamsValidator.Apply(user.UserParams, request) }, cancellationToken) is not null) return true;
                return null;
            }
            var session = await sessions.GetAsync(sessionId, cancellationToken);
            if (session is null || session.Ended) return Problem.Unauthorized("The session has ended (logged out). Create a new session.");
            if (await sessions.TryReplaceAsync(session with { UserParams = UserParamsValidator.Apply(session.UserParams, request) }, cancellationToken) is not null) return true;
            return null;
        });
}
