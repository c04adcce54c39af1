using Livechat.Core.Common;

namespace Livechat.Core.Departments;

/// <summary>The dashboard sets or clears a department's business hours; the rest of the department stays as it is.</summary>
public sealed class DepartmentHoursHandler(IDepartmentStore departments, TimeProvider time)
{
    public async Task<Outcome<Department>> PutAsync(string departmentId, BusinessHoursDefinition? definition, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(departmentId, cancellationToken);
        if (!existing.IsSuccess) return existing.Problem!;
        var hours = BusinessHoursRules.Parse(definition);
        if (!hours.IsSuccess) return hours.Problem!;
        var saved = existing.Value! with { Hours = hours.Value, UpdatedAt = time.GetUtcNow() };
        await departments.SaveAsync(saved, cancellationToken);
        return saved;
    }

    /// <summary>The department answers at any hour again.</summary>
    public async Task<Outcome<Department>> DeleteAsync(string departmentId, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(departmentId, cancellationToken);
        if (!existing.IsSuccess) return existing.Problem!;
        var saved = existing.Value! with { Hours = null, UpdatedAt = time.GetUtcNow() };
        await departments.SaveAsync(saved, cancellationToken);
        return saved;
    }

    private async Task<Outcome<Department>> FindAsync(string departmentId, CancellationToken cancellationToken)
    {
        var department = Ids.IsSafe(departmentId, 64) ? await departments.GetAsync(departmentId, cancellationToken) : null;
        return department is null ? Problem.NotFound($"Department '{departmentId}'", "departmentId") : department;
    }
}
