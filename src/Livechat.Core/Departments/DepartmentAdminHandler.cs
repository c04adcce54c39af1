using Livechat.Core.Common;

namespace Livechat.Core.Departments;

/// <summary>
/// The dashboard's department calls. A PUT replaces the department whole (two dashboards saving at once: the last
/// save wins, as a PUT means), keeping only when it was first created.
/// </summary>
public sealed class DepartmentAdminHandler(IDepartmentStore departments, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public async Task<Outcome<DepartmentList>> ListAsync(CancellationToken cancellationToken) =>
        new DepartmentList((await departments.ListAsync(cancellationToken)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList());

    public async Task<Outcome<Department>> PutAsync(string departmentId, DepartmentDefinition definition, CancellationToken cancellationToken)
    {
        // The same ids agent tokens, transfer blocks and setDepartment accept.
        if (!Ids.IsSafe(departmentId, 64)) return Problem.Invalid("departmentId", "1 to 64 letters, digits, '-', '_' or '.'.");
        var name = definition.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
            return Problem.Invalid("name", $"Required: 1 to {MaxNameLength} characters, no control characters.");

        var now = time.GetUtcNow();
        var existing = await departments.GetAsync(departmentId, cancellationToken);
        var saved = new Department(departmentId, name, definition.Public ?? false, existing?.CreatedAt ?? now, now) { Hours = existing?.Hours };
        await departments.SaveAsync(saved, cancellationToken);
        return saved;
    }

    /// <summary>Rooms already in the department's queue stay there; sessions that chose it keep it for their next room.</summary>
    public async Task<Outcome<DepartmentDeleted>> DeleteAsync(string departmentId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(departmentId, 64) || !await departments.DeleteAsync(departmentId, cancellationToken))
            return Problem.NotFound($"Department '{departmentId}'", "departmentId");
        return new DepartmentDeleted(departmentId);
    }
}
