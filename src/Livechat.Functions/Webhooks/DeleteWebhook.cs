using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Webhooks;

public sealed class DeleteWebhook(WebhooksAdminApi api)
{
    [Function(nameof(DeleteWebhook))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/webhooks/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.DeleteAsync(request, id, cancellationToken);
}
