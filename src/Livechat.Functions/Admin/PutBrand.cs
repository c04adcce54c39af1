using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class PutBrand(BrandsAdminApi api)
{
    [Function(nameof(PutBrand))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/brands/{siteId}")] HttpRequest request,
        string siteId,
        CancellationToken cancellationToken) =>
        api.PutAsync(request, siteId, cancellationToken);
}
