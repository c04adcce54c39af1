using Livechat.Api.Http;
using Livechat.Core.Departments;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Admin;

/// <summary>HTTP face of the dashboard's department calls, protected by the <c>x-admin-key</c> header.</summary>
public sealed class DepartmentsAdminApi(AdminCall call, DepartmentAdminHandler departments, DepartmentHoursHandler hours)
{
    /// <summary>GET /api/v1/admin/departments</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => departments.ListAsync(cancellationToken), l => TypedResults.Ok(l));

    /// <summary>PUT /api/v1/admin/departments/{departmentId}: creates the department or replaces it.</summary>
    public Task<IResult> PutAsync(HttpRequest request, string departmentId, CancellationToken cancellationToken) =>
        call.RunAsync<DepartmentDefinition, Department>(request, body => departments.PutAsync(departmentId, body, cancellationToken), d => TypedResults.Ok(d), cancellationToken);

    /// <summary>DELETE /api/v1/admin/departments/{departmentId}</summary>
    public Task<IResult> DeleteAsync(HttpRequest request, string departmentId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => departments.DeleteAsync(departmentId, cancellationToken), d => TypedResults.Ok(d));

    /// <summary>PUT /api/v1/admin/departments/{departmentId}/hours: the department's business hours and holidays.</summary>
    public Task<IResult> PutHoursAsync(HttpRequest request, string departmentId, CancellationToken cancellationToken) =>
        call.RunAsync<BusinessHoursDefinition, Department>(request, body => hours.PutAsync(departmentId, body, cancellationToken), d => TypedResults.Ok(d), cancellationToken);

    /// <summary>DELETE /api/v1/admin/departments/{departmentId}/hours: open at any hour again.</summary>
    public Task<IResult> DeleteHoursAsync(HttpRequest request, string departmentId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => hours.DeleteAsync(departmentId, cancellationToken), d => TypedResults.Ok(d));
}
