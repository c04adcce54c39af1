using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Admin;

public sealed class WhoAmI(AdminApi api)
{
    [Function(nameof(WhoAmI))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/whoami")] HttpRequest request) =>
        api.WhoAmI(request);
}
