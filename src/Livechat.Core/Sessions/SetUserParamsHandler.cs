using Livechat.Core.Common;
using Livechat.Core.Users;

namespace Livechat.Core.Sessions;

/// <summary>setUserParams: stored on the user when logged in, else on the anonymous session.</summary>
public sealed class SetUserParamsHandler(SessionUpdater sessions, UserParamsWriter userParams, SessionViewHandler view)
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
        var applied = await userParams.ApplyAsync(session.SessionId, session.UserId, request, cancellationToken);
        return applied.IsSuccess ? await view.HandleAsync(session, cancellationToken) : applied.Problem!;
    }
}
