namespace Livechat.Core.Departments;

public sealed record DepartmentDeleted(string DepartmentId);
