using Livechat.Core.Common;
using Livechat.Core.Departments;

namespace Livechat.Core.Sessions;

/// <summary>
/// setDepartment / clearDepartment: the rooms that follow start in that department / in none. Only a department the
/// admin marked public may be chosen: any page, or anyone holding a visitor token, calls this.
/// </summary>
public sealed class SetDepartmentHandler(SessionUpdater sessions, IDepartmentStore departments)
{
    public async Task<Outcome<SessionView>> HandleAsync(VisitorSession session, string? department, CancellationToken cancellationToken)
    {
        if (department is not null)
        {
            if (!Ids.IsSafe(department, 64)) return Problem.Invalid("department", "1 to 64 letters, digits, '-', '_' or '.'.");
            // A private department answers exactly like one that does not exist, so a page cannot probe for internal ones.
            if (await departments.GetAsync(department, cancellationToken) is not { Public: true })
                return Problem.NotFound($"Department '{department}'", "department");
        }
        var updated = await sessions.UpdateAsync(session, s => s with { Department = department }, cancellationToken);
        return updated.IsSuccess ? SessionView.From(updated.Value!) : updated.Problem!;
    }
}
