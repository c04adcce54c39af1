using Azure;
using Azure.Data.Tables;
using Livechat.Core.Departments;

namespace Livechat.Azure.Tables;

/// <summary>The department registry in Table Storage, one row each.</summary>
public sealed class TableDepartmentStore(LivechatTables tables) : IDepartmentStore
{
    public async Task<Department?> GetAsync(string departmentId, CancellationToken cancellationToken)
    {
        var found = await tables.Departments.GetEntityIfExistsAsync<DepartmentEntity>(departmentId, "", cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToDepartment() : null;
    }

    public async Task<IReadOnlyList<Department>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<Department>();
        await foreach (var e in tables.Departments.QueryAsync<DepartmentEntity>(cancellationToken: cancellationToken)) list.Add(e.ToDepartment());
        return list;
    }

    public async Task SaveAsync(Department department, CancellationToken cancellationToken) =>
        await tables.Departments.UpsertEntityAsync(DepartmentEntity.From(department), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> DeleteAsync(string departmentId, CancellationToken cancellationToken)
    {
        // The SDK answers a missing row with its 404 rather than throwing.
        var response = await tables.Departments.DeleteEntityAsync(departmentId, "", ETag.All, cancellationToken);
        return response.Status != TableStatus.NotFound;
    }
}
