using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Webhooks;

public sealed class ListWebhookEvents(WebhooksAdminApi api)
{
    [Function(nameof(ListWebhookEvents))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/webhooks/{id}/events")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.ListEventsAsync(request, id, cancellationToken);
}
