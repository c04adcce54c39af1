using Microsoft.DurableTask;

namespace Livechat.Core.Webhooks.Events;

/// <summary>Puts an event its subscription's receiver did not take on the subscription's dead-letter list.</summary>
public sealed class DeadLetterWebhookEventActivity(IWebhookEventLog log, IWebhookDeadLetterStore deadLetters, TimeProvider time)
    : TaskActivity<WebhookDeadLetterRequest, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, WebhookDeadLetterRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(WebhookDeadLetterRequest request, CancellationToken cancellationToken)
    {
        var loggedEvent = await log.GetAsync(request.EventId, cancellationToken);
        await deadLetters.SaveAsync(new WebhookDeadLetter(request.SubscriptionId, request.EventId, loggedEvent?.Type ?? "", loggedEvent?.RoomId,
            request.Attempts, request.Error ?? "", time.GetUtcNow()), cancellationToken);
        return true;
    }
}

/// <summary>Input of <see cref="DeadLetterWebhookEventActivity"/>.</summary>
public sealed record WebhookDeadLetterRequest(string SubscriptionId, string EventId, int Attempts, string? Error);
