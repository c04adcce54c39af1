using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Webhooks;

public sealed class ReplayWebhookEvents(WebhooksAdminApi api)
{
    [Function(nameof(ReplayWebhookEvents))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/webhooks/{id}/replay")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        api.ReplayAsync(request, id, cancellationToken);
}
