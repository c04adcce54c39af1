using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class GetBrand(BrandsAdminApi api)
{
    [Function(nameof(GetBrand))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/brands/{siteId}")] HttpRequest request,
        string siteId,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, siteId, cancellationToken);
}
