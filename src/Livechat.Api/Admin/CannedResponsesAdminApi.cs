using Livechat.Api.Http;
using Livechat.Core.CannedResponses;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Admin;

/// <summary>HTTP face of the dashboard's canned-response calls, protected by the <c>x-admin-key</c> header.</summary>
public sealed class CannedResponsesAdminApi(AdminCall call, CannedResponsesHandler canned)
{
    /// <summary>GET /api/v1/admin/departments/{departmentId}/canned-responses</summary>
    public Task<IResult> ListAsync(HttpRequest request, string departmentId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => canned.ListAsync(departmentId, cancellationToken), l => TypedResults.Ok(l));

    /// <summary>PUT /api/v1/admin/departments/{departmentId}/canned-responses/{shortcut}: creates the response or replaces it.</summary>
    public Task<IResult> PutAsync(HttpRequest request, string departmentId, string shortcut, CancellationToken cancellationToken) =>
        call.RunAsync<CannedResponseRequest, CannedResponse>(request, body => canned.PutAsync(departmentId, shortcut, body, cancellationToken),
            r => TypedResults.Ok(r), cancellationToken);

    /// <summary>DELETE /api/v1/admin/departments/{departmentId}/canned-responses/{shortcut}</summary>
    public Task<IResult> DeleteAsync(HttpRequest request, string departmentId, string shortcut, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => canned.DeleteAsync(departmentId, shortcut, cancellationToken), d => TypedResults.Ok(d));
}
