namespace Livechat.Core.Departments;

/// <summary>The admin's department registry; setDepartment reads it on every call.</summary>
public interface IDepartmentStore
{
    Task<Department?> GetAsync(string departmentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Department>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates the department or replaces it whole.</summary>
    Task SaveAsync(Department department, CancellationToken cancellationToken);

    /// <summary>False when there was none.</summary>
    Task<bool> DeleteAsync(string departmentId, CancellationToken cancellationToken);
}
