using Livechat.Api.Http;
using Livechat.Core.Common;
using Livechat.Core.Privacy;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Admin;

/// <summary>HTTP face of a data subject's requests (export, erasure) and of the audit log, for the admin only.</summary>
public sealed class PrivacyAdminApi(AdminCall call, PrivacyHandler privacy, IAuditLog audit)
{
    public const int AuditListed = 100;

    /// <summary>GET /api/v1/admin/subjects/export?userId=|visitorId=: everything stored about the subject, one JSON document.</summary>
    public Task<IResult> ExportAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => privacy.ExportAsync(request.Query["userId"], request.Query["visitorId"], cancellationToken), e => TypedResults.Ok(e));

    /// <summary>POST /api/v1/admin/subjects/erase {"userId"} or {"visitorId"}: erases it all; a second call finds nothing.</summary>
    public async Task<IResult> EraseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = call.Authenticate(request);
        if (!caller.IsSuccess) return caller.Problem!.ToResult();
        var body = await JsonBody.ReadAsync<SubjectRequest>(request, cancellationToken);
        if (!body.IsSuccess) return body.Problem!.ToResult();
        return (await privacy.EraseAsync(body.Value!.UserId, body.Value.VisitorId, caller.Value!, cancellationToken)).ToResult(e => TypedResults.Ok(e));
    }

    /// <summary>GET /api/v1/admin/audit: the newest erasures and purges.</summary>
    public Task<IResult> ListAuditAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, async () => (Outcome<AuditList>)new AuditList(await audit.ListAsync(AuditListed, cancellationToken)), l => TypedResults.Ok(l));
}
