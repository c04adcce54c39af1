using Livechat.Azure.Durable;
using Livechat.Core.Common;
using Livechat.Core.Webhooks.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Functions.Webhooks;

/// <summary>
/// The webhook pumps' port in the Functions app, on the Durable client DurableClientMiddleware binds for an invocation
/// that declares one. Wakes are sent off the request path and at most once per settle time per subscription: a
/// pump woken once reads every event that came meanwhile, and one never woken finds them at its next poll.
/// </summary>
public sealed partial class FunctionsWebhookPumps(IOptions<WebhookEventOptions> options, TimeProvider time, ILogger<FunctionsWebhookPumps> logger)
    : IWebhookPumps, IDisposable
{
    private readonly OncePerInterval _wakes = new(options.Value.SettleTime > TimeSpan.FromMilliseconds(200) ? options.Value.SettleTime : TimeSpan.FromMilliseconds(200), time);

    private static DurableTaskClientWebhookPumps Client => new(Durable.InvocationDurableClient.Required);

    public Task StartAsync(string subscriptionId, string cursor, CancellationToken cancellationToken) => Client.StartAsync(subscriptionId, cursor, cancellationToken);

    public Task ReplayAsync(string subscriptionId, string after, CancellationToken cancellationToken) =>
        Client.SignalAsync(subscriptionId, new WebhookPumpSignal(WebhookPumpSignalKind.Replay, after), cancellationToken);

    public bool TryWake(string subscriptionId)
    {
        if (Durable.InvocationDurableClient.Bound is not { } bound) return false;
        if (!_wakes.TryPass(subscriptionId)) return true;
        _ = WakeAsync(new DurableTaskClientWebhookPumps(bound), subscriptionId);
        return true;
    }

    private async Task WakeAsync(DurableTaskClientWebhookPumps client, string subscriptionId)
    {
        try
        {
            await client.SignalAsync(subscriptionId, new WebhookPumpSignal(WebhookPumpSignalKind.Wake), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogWakeFailed(e, subscriptionId);
        }
    }

    public void Dispose() => _wakes.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook pump of subscription {SubscriptionId} could not be woken; it will find its events at its next poll")]
    private partial void LogWakeFailed(Exception exception, string subscriptionId);
}
