namespace Livechat.Core.Departments;

/// <summary>A department as the dashboard sends it; the id comes from the route. Left out, <see cref="Public"/> is false.</summary>
public sealed record DepartmentDefinition(string? Name, bool? Public);
