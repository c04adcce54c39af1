using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class ListBrands(BrandsAdminApi api)
{
    [Function(nameof(ListBrands))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/brands")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListAsync(request, cancellationToken);
}
