using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Privacy;

/// <summary>The erasure stops and purges the subject's room orchestrations: hence the Durable client.</summary>
public sealed class EraseSubject(PrivacyAdminApi api)
{
    [Function(nameof(EraseSubject))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/subjects/erase")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.EraseAsync(request, cancellationToken);
}
