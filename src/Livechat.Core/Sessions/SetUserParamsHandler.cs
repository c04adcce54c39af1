using Livechat.Core.Common;
using Livechat.Core.Users;

namespace Livechat.Core.Sessions;

/// <summary>setUserParams: stored on the user when logged in, else on the anonymous session.</summary>
public sealed class SetUserParamsHandler(SessionUpdater sessions, IUserStore users, SessionViewHandler view)
{
    public async Task<Outcome<SessionView>> HandleAsync(VisitorSession session, UserParamsRequest request, CancellationToken cancellationToken)
    {
        if (UserParamsValidator.Validate(request) is { } problem) return problem;
        if (session.UserId is null)
        {
            var updated = await sessions.UpdateAsync(session, s => s with { UserParams = UserParamsValidator.Apply(s.UserParams, request) }, cancellationToken);
            if (!updated.IsSuccess) return updated.Problem!;
            return await view.HandleAsync(updated.Value!, cancellationToken);
        }
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var user = await users.GetAsync(session.UserId, cancellationToken) ?? throw new InvalidOperationException("A logged-in session has no user.");
            if (await users.TryReplaceAsync(user with { UserParams = UserParamsValidator.Apply(user.UserParams, request) }, cancellationToken) is not null)
                return await view.HandleAsync(session, cancellationToken);
        }
        return Problem.Conflict("Too many concurrent changes to this user.", "Try again.");
    }
}
