using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Livechat.Core.Rooms;

namespace Livechat.Azure.Tests.Durable.Engine;

/// <summary>The room orchestration port over DurableTask.Core's TaskHubClient (the in-memory test engine).</summary>
public sealed class TaskHubClientRoomOrchestrations(TaskHubClient client) : IRoomOrchestrations
{
    // Starting again is a no-op while the room's orchestration is alive; after it finished a new one may start.
    private static readonly OrchestrationStatus[] DedupeStatuses = [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew];

    public async Task<bool> StartAsync(RoomOrchestrationInput input, CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateOrchestrationInstanceAsync(nameof(RoomOrchestrator), "", input.RoomId, input, null, DedupeStatuses);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    public Task SignalAsync(string roomId, RoomSignal signal, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(new OrchestrationInstance { InstanceId = roomId }, RoomSignal.EventName, signal);

    public async Task ResumeIfFailedAsync(string roomId, RoomOrchestrationInput ifMissing, CancellationToken cancellationToken)
    {
        var state = await client.GetOrchestrationStateAsync(roomId);
        if (state is null)
        {
            await StartAsync(ifMissing, cancellationToken);
            return;
        }
        if (state?.OrchestrationStatus is not (OrchestrationStatus.Failed or OrchestrationStatus.Terminated)) return;
        var input = (RoomOrchestrationInput)DurableJson.Converter.Deserialize(state.Input, typeof(RoomOrchestrationInput))!;
        await client.CreateOrchestrationInstanceAsync(nameof(RoomOrchestrator), "", roomId, input, null, DedupeStatuses);
    }

    public async Task EnsureIdleSweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateOrchestrationInstanceAsync(nameof(IdleSweepOrchestrator), "", IdleSweepOrchestrator.InstanceId, null, null, DedupeStatuses);
        }
        catch (OrchestrationAlreadyExistsException)
        {
        }
    }

    public async Task<string?> GetStatusAsync(string roomId, CancellationToken cancellationToken)
    {
        var state = await client.GetOrchestrationStateAsync(roomId);
        return state?.OrchestrationStatus.ToString();
    }
}
