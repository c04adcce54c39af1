using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Privacy;

public sealed class ExportSubject(PrivacyAdminApi api)
{
    [Function(nameof(ExportSubject))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/subjects/export")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ExportAsync(request, cancellationToken);
}
