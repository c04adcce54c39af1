using Livechat.Core.Rooms;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Durable;

/// <summary>The app's sweeper: its orchestration, the activity that ends idle rooms and stops their flows, and the one that deletes expired sessions and spent rate counters.</summary>
public sealed class IdleSweepFunctions(SweepIdleRoomsActivity sweep, SweepExpiredDataActivity expired)
{
    [Function(nameof(IdleSweepOrchestrator))]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new IdleSweepOrchestrator().RunAsync(context, null);

    [Function(nameof(SweepIdleRoomsActivity))]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0060", Justification = "The activity trigger binds to this parameter.")]
    public async Task<IdleSweepResult> Sweep([ActivityTrigger] string? input, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var _ = FunctionsRoomOrchestrations.Bind(durable);
        return await sweep.ExecuteAsync(cancellationToken);
    }

    [Function(nameof(SweepExpiredDataActivity))]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0060", Justification = "The activity trigger binds to this parameter.")]
    public Task<int> SweepExpired([ActivityTrigger] string? input, CancellationToken cancellationToken) => expired.ExecuteAsync(cancellationToken);
}
