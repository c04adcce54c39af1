using Livechat.Core.Common;

namespace Livechat.Core.Sessions;

/// <summary>setDepartment / clearDepartment: the rooms that follow start in that department / in none.</summary>
public sealed class SetDepartmentHandler(SessionUpdater sessions)
{
    public async Task<Outcome<SessionView>> HandleAsync(VisitorSession session, string? department, CancellationToken cancellationToken)
    {
        if (department is not null && !Ids.IsSafe(department, 64))
            return Problem.Invalid("department", "1 to 64 letters, digits, '-', '_' or '.'.");
        var updated = await sessions.UpdateAsync(session, s => s with { Department = department }, cancellationToken);
        return updated.IsSuccess ? SessionView.From(updated.Value!) : updated.Problem!;
    }
}
