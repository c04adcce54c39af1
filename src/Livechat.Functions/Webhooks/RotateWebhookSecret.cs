using Livechat.Api.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Webhooks;

public sealed class RotateWebhookSecret(WebhooksAdminApi api)
{
    [Function(nameof(RotateWebhookSecret))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/webhooks/{id}/secret")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RotateSecretAsync(request, id, cancellationToken);
}
