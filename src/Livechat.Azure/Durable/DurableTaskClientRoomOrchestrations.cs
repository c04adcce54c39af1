using Livechat.Core.Rooms;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Livechat.Azure.Durable;

/// <summary>The room orchestration port over the Durable Functions client (the Functions app).</summary>
public sealed class DurableTaskClientRoomOrchestrations(DurableTaskClient client) : IRoomOrchestrations
{
    public Task<bool> StartAsync(RoomOrchestrationInput input, CancellationToken cancellationToken) =>
        StartUnlessAliveAsync(nameof(RoomOrchestrator), input.RoomId, input, cancellationToken);

    public Task EnsureIdleSweepAsync(CancellationToken cancellationToken) =>
        StartUnlessAliveAsync(nameof(IdleSweepOrchestrator), IdleSweepOrchestrator.InstanceId, null, cancellationToken);

    private async Task<bool> StartUnlessAliveAsync(string orchestrator, string instanceId, object? input, CancellationToken cancellationToken)
    {
        if (IsAlive(await client.GetInstanceAsync(instanceId, cancellationToken))) return false;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                orchestrator, input, new StartOrchestrationOptions(InstanceId: instanceId), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Concurrent openWidget calls: another one started it after the check (on the Functions host that is an
            // RpcException "Unknown"). Starting is idempotent, so that is success; anything else is not.
            if (!IsAlive(await client.GetInstanceAsync(instanceId, cancellationToken))) throw;
            return false;
        }
    }

    private static bool IsAlive(OrchestrationMetadata? instance) =>
        instance is { IsRunning: true } || instance?.RuntimeStatus == OrchestrationRuntimeStatus.Pending;

    public Task SignalAsync(string roomId, RoomSignal signal, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(roomId, RoomSignal.EventName, signal, cancellationToken);

    public async Task ResumeIfFailedAsync(string roomId, RoomOrchestrationInput ifMissing, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(roomId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            await StartUnlessAliveAsync(nameof(RoomOrchestrator), roomId, ifMissing, cancellationToken);
            return;
        }
        if (instance is not { RuntimeStatus: OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated }) return;
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(RoomOrchestrator), instance.ReadInputAs<RoomOrchestrationInput>(),
            new StartOrchestrationOptions(InstanceId: roomId), cancellationToken);
    }

    public async Task<string?> GetStatusAsync(string roomId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(roomId, cancellationToken);
        return instance?.RuntimeStatus.ToString();
    }
}
