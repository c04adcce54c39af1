using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Webhooks;

public sealed class ListWebhookDeadLetters(WebhooksAdminApi api)
{
    [Function(nameof(ListWebhookDeadLetters))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/webhooks/{id}/dead-letters")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.ListDeadLettersAsync(request, id, cancellationToken);
}
