using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// Delivers one subscription's events in log order (so each room's in seq order), one orchestration per subscription
/// (instance id from its id), never one per event. Each generation delivers one batch, then continues as new: a
/// failed event is retried on a durable timer with exponential backoff, so retries survive a host restart, and goes
/// to the dead letters after the last try; an idle pump sleeps until woken or until its poll, backing off while idle.
/// </summary>
public sealed class WebhookPumpOrchestrator(WebhookEventOptions options) : TaskOrchestrator<WebhookPumpInput, string>
{
    /// <summary>Storage failures inside an activity are retried here before the generation backs off.</summary>
    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    private const int MaxSignalsPerWait = 50;

    public override async Task<string> RunAsync(TaskOrchestrationContext context, WebhookPumpInput input)
    {
        WebhookBatchResult batch;
        try
        {
            batch = await context.CallActivityAsync<WebhookBatchResult>(nameof(DeliverWebhookBatchActivity),
                new WebhookBatchRequest(input.SubscriptionId, input.Cursor, context.CurrentUtcDateTime - options.SettleTime), ActivityRetry);
        }
        catch (TaskFailedException e)
        {
            // Storage was down past the retries: the pump must not end, only wait.
            context.CreateReplaySafeLogger<WebhookPumpOrchestrator>().LogWarning("Webhook pump {SubscriptionId} could not read its events: {Error}",
                input.SubscriptionId, e.Message);
            return await SleepAsync(context, input, options.IdlePollInterval, input);
        }

        switch (batch.Status)
        {
            case WebhookBatchStatus.Gone:
                return "deleted";
            case WebhookBatchStatus.Failed:
                var attempts = batch.FailedEventId == input.HeadEventId ? input.HeadAttempts + 1 : 1;
                if (attempts >= options.MaxAttempts)
                {
                    await context.CallActivityAsync<bool>(nameof(DeadLetterWebhookEventActivity),
                        new WebhookDeadLetterRequest(input.SubscriptionId, batch.FailedEventId!, attempts, batch.Error), ActivityRetry);
                    return Continue(context, input with { Cursor = batch.FailedEventId!, HeadEventId = null, HeadAttempts = 0, IdleRounds = 0 });
                }
                var retry = input with { Cursor = batch.Cursor, HeadEventId = batch.FailedEventId, HeadAttempts = attempts, IdleRounds = 0 };
                return await SleepAsync(context, retry, options.BackoffAfter(attempts), retry, wakeEarly: false);
            default:
                var next = input with { Cursor = batch.Cursor, HeadEventId = null, HeadAttempts = 0, IdleRounds = batch.Delivered > 0 ? 0 : input.IdleRounds + 1 };
                if (batch.More) return Continue(context, next);
                // Events keep coming while a chat is busy (some raised where nothing can wake the pump): look again
                // soon after a delivery, less and less often while nothing comes.
                var settle = options.SettleTime > TimeSpan.FromSeconds(1) ? options.SettleTime : TimeSpan.FromSeconds(1);
                var idle = TimeSpan.FromTicks(Math.Min(options.IdlePollInterval.Ticks, settle.Ticks << Math.Min(next.IdleRounds, 16)));
                return await SleepAsync(context, next, batch.Delivered > 0 ? settle : idle, next with { IdleRounds = 0 });
        }
    }

    /// <summary>
    /// Waits <paramref name="delay"/> (or, with <paramref name="wakeEarly"/>, until woken, then the settle time), then
    /// continues with <paramref name="onTimer"/> or <paramref name="onWake"/>. A replay always ends the wait.
    /// </summary>
    private async Task<string> SleepAsync(TaskOrchestrationContext context, WebhookPumpInput onTimer, TimeSpan delay, WebhookPumpInput onWake, bool wakeEarly = true)
    {
        using var cancel = new CancellationTokenSource();
        var timer = context.CreateTimer(context.CurrentUtcDateTime.Add(delay), cancel.Token);
        // Wakes during a backoff are ignored, up to a bound: the history of one generation stays small.
        for (var signals = 0; signals < MaxSignalsPerWait; signals++)
        {
            var signal = context.WaitForExternalEvent<WebhookPumpSignal>(WebhookPumpSignal.EventName, cancel.Token);
            var winner = await Task.WhenAny(signal, timer);
            if (winner == timer)
            {
                // The waiter left behind would take a later signal meant for the next generation.
                cancel.Cancel();
                return Continue(context, onTimer);
            }
            var received = await signal;
            if (received.Kind == WebhookPumpSignalKind.Replay && received.After is { } after)
            {
                cancel.Cancel();
                return Continue(context, onTimer with { Cursor = after, HeadEventId = null, HeadAttempts = 0, IdleRounds = 0 });
            }
            if (!wakeEarly) continue;
            cancel.Cancel();
            // The event that woke the pump becomes readable once it is older than the settle time.
            await context.CreateTimer(options.SettleTime, CancellationToken.None);
            return Continue(context, onWake);
        }
        cancel.Cancel();
        return Continue(context, onTimer);
    }

    private static string Continue(TaskOrchestrationContext context, WebhookPumpInput next)
    {
        context.ContinueAsNew(next, preserveUnprocessedEvents: true);
        return "continued";
    }
}
