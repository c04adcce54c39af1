using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text;

namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// One try of one event to one subscription: the logged body, signed with the subscription's secret in the recipe
/// webhook block's scheme (<see cref="WebhookSignature"/>), through the outbound client that only reaches allowed
/// addresses and follows no redirect. Anything but a 2xx is a failed try.
/// </summary>
public sealed partial class WebhookDelivery(HttpClient http, OutboundAddressPolicy addresses, IOptions<WebhookOptions> options, TimeProvider time,
    ILogger<WebhookDelivery> logger)
{
    public const string EventIdHeader = "X-Livechat-Event-Id";
    public const string EventTypeHeader = "X-Livechat-Event";

    public async Task<WebhookAttempt> SendAsync(WebhookSubscription subscription, LoggedWebhookEvent loggedEvent, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(subscription.Url, UriKind.Absolute, out var url) || !addresses.AllowsScheme(url))
            return Failed(subscription, loggedEvent, "the URL is not https");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(loggedEvent.Body, Encoding.UTF8, "application/json") };
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString());
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(subscription.Secret, timestamp, loggedEvent.Body));
        request.Headers.Add(EventIdHeader, loggedEvent.Id);
        request.Headers.Add(EventTypeHeader, loggedEvent.Type);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode
                ? new WebhookAttempt(true, (int)response.StatusCode, null)
                : Failed(subscription, loggedEvent, $"the receiver answered {(int)response.StatusCode}", (int)response.StatusCode);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException refused)
        {
            return Failed(subscription, loggedEvent, refused.Message);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Failed(subscription, loggedEvent, e is OperationCanceledException ? $"no answer within {options.Value.Timeout}" : "the connection failed");
        }
    }

    private WebhookAttempt Failed(WebhookSubscription subscription, LoggedWebhookEvent loggedEvent, string why, int? status = null)
    {
        LogFailed(subscription.Id, loggedEvent.Id, why);
        return new WebhookAttempt(false, status, why);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId} did not take event {EventId}: {Why}")]
    private partial void LogFailed(string subscriptionId, string eventId, string why);
}

/// <summary>How one try went: <see cref="Error"/> says why it failed.</summary>
public sealed record WebhookAttempt(bool Delivered, int? Status, string? Error);
