using Livechat.Core.Webhooks.Events;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Livechat.Azure.Durable;

/// <summary>The webhook pumps' port over a Durable client.</summary>
public sealed class DurableTaskClientWebhookPumps(DurableTaskClient client)
{
    public async Task StartAsync(string subscriptionId, string cursor, CancellationToken cancellationToken)
    {
        var instanceId = WebhookPumpInput.InstanceIdOf(subscriptionId);
        if (IsAlive(await client.GetInstanceAsync(instanceId, cancellationToken))) return;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(WebhookPumpOrchestrator), new WebhookPumpInput(subscriptionId, cursor),
                new StartOrchestrationOptions(InstanceId: instanceId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Two admin calls at once: the other one started it, which is what was asked.
            if (!IsAlive(await client.GetInstanceAsync(instanceId, cancellationToken))) throw;
        }
    }

    public Task SignalAsync(string subscriptionId, WebhookPumpSignal signal, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(WebhookPumpInput.InstanceIdOf(subscriptionId), WebhookPumpSignal.EventName, signal, cancellationToken);

    private static bool IsAlive(OrchestrationMetadata? instance) =>
        instance is { IsRunning: true } || instance?.RuntimeStatus == OrchestrationRuntimeStatus.Pending;
}
