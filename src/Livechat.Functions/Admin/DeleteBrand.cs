using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class DeleteBrand(BrandsAdminApi api)
{
    [Function(nameof(DeleteBrand))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/brands/{siteId}")] HttpRequest request,
        string siteId,
        CancellationToken cancellationToken) =>
        api.DeleteAsync(request, siteId, cancellationToken);
}
