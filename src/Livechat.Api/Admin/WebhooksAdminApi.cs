using Livechat.Api.Http;
using Livechat.Core.Webhooks.Events;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Admin;

/// <summary>HTTP face of the dashboard's chat-event webhooks, protected by the <c>x-admin-key</c> header.</summary>
public sealed class WebhooksAdminApi(AdminCall call, WebhookAdminHandler webhooks)
{
    /// <summary>GET /api/v1/admin/webhooks</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => webhooks.ListAsync(cancellationToken), l => TypedResults.Ok(l));

    /// <summary>POST /api/v1/admin/webhooks: 201 with the secret, shown this once.</summary>
    public Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<WebhookDefinition, WebhookSubscriptionWithSecret>(request, body => webhooks.CreateAsync(body, cancellationToken),
            c => TypedResults.Created($"/api/v1/admin/webhooks/{c.Subscription.Id}", c), cancellationToken);

    /// <summary>GET /api/v1/admin/webhooks/{id}</summary>
    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => webhooks.GetAsync(id, cancellationToken), s => TypedResults.Ok(s));

    /// <summary>PUT /api/v1/admin/webhooks/{id}</summary>
    public Task<IResult> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        call.RunAsync<WebhookDefinition, WebhookSubscriptionView>(request, body => webhooks.PutAsync(id, body, cancellationToken), s => TypedResults.Ok(s), cancellationToken);

    /// <summary>DELETE /api/v1/admin/webhooks/{id}</summary>
    public Task<IResult> DeleteAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => webhooks.DeleteAsync(id, cancellationToken), d => TypedResults.Ok(d));

    /// <summary>POST /api/v1/admin/webhooks/{id}/secret: a new secret, shown this once; the old one stops signing.</summary>
    public Task<IResult> RotateSecretAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => webhooks.RotateSecretAsync(id, cancellationToken), s => TypedResults.Ok(s));

    /// <summary>GET /api/v1/admin/webhooks/{id}/dead-letters</summary>
    public Task<IResult> ListDeadLettersAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => webhooks.ListDeadLettersAsync(id, cancellationToken), l => TypedResults.Ok(l));

    /// <summary>POST /api/v1/admin/webhooks/{id}/dead-letters/{eventId}/resend</summary>
    public Task<IResult> ResendAsync(HttpRequest request, string id, string eventId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => webhooks.ResendAsync(id, eventId, cancellationToken), r => TypedResults.Ok(r));

    /// <summary>GET /api/v1/admin/webhooks/{id}/events?after=&amp;limit=</summary>
    public Task<IResult> ListEventsAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => webhooks.ListEventsAsync(id, request.Query["after"], request.Query["limit"], cancellationToken), p => TypedResults.Ok(p));

    /// <summary>POST /api/v1/admin/webhooks/{id}/replay {"after": eventId}: 202, the pump delivers them again in order.</summary>
    public Task<IResult> ReplayAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        call.RunAsync<WebhookReplayRequest, WebhookReplayAccepted>(request, body => webhooks.ReplayAsync(id, body, cancellationToken),
            r => TypedResults.Accepted((string?)null, r), cancellationToken);
}
