using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Webhooks;

public sealed class ResendWebhookDeadLetter(WebhooksAdminApi api)
{
    [Function(nameof(ResendWebhookDeadLetter))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/webhooks/{id}/dead-letters/{eventId}/resend")] HttpRequest request,
        string id,
        string eventId,
        CancellationToken cancellationToken) =>
        api.ResendAsync(request, id, eventId, cancellationToken);
}
