namespace Livechat.Core.Departments;

/// <summary>Every department, by id: what the dashboard lists.</summary>
public sealed record DepartmentList(IReadOnlyList<Department> Departments);
