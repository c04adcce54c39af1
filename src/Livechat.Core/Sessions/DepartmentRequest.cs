namespace Livechat.Core.Sessions;

/// <summary>setDepartment: the department rooms started from now on are routed to.</summary>
public sealed record DepartmentRequest(string? Department);
