using Livechat.Core.Webhooks.Events;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace Livechat.Functions.Webhooks;

/// <summary>The webhook pumps: their orchestration (one per subscription) and its two activities.</summary>
public sealed class WebhookPumpFunctions(IOptions<WebhookEventOptions> options, DeliverWebhookBatchActivity deliver, DeadLetterWebhookEventActivity deadLetter)
{
    [Function(nameof(WebhookPumpOrchestrator))]
    public Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new WebhookPumpOrchestrator(options.Value).RunAsync(context, context.GetInput<WebhookPumpInput>()!);

    [Function(nameof(DeliverWebhookBatchActivity))]
    public Task<WebhookBatchResult> Deliver([ActivityTrigger] WebhookBatchRequest request, CancellationToken cancellationToken) =>
        deliver.ExecuteAsync(request, cancellationToken);

    [Function(nameof(DeadLetterWebhookEventActivity))]
    public Task<bool> DeadLetter([ActivityTrigger] WebhookDeadLetterRequest request, CancellationToken cancellationToken) =>
        deadLetter.ExecuteAsync(request, cancellationToken);
}
