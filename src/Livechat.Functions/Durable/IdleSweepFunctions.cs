using Livechat.Core.Rooms;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Durable;

/// <summary>The app's sweeper: its orchestration, the activity that ends idle rooms and stops their flows, and the one that deletes expired sessions, spent rate counters and (retention) old ended rooms with their histories.</summary>
public sealed class IdleSweepFunctions(SweepIdleRoomsActivity sweep, SweepExpiredDataActivity expired)
{
    [Function(nameof(IdleSweepOrchestrator))]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new IdleSweepOrchestrator().RunAsync(context, null);

    [Function(nameof(SweepIdleRoomsActivity))]
    public Task<IdleSweepResult> Sweep([ActivityTrigger] string? input, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        sweep.ExecuteAsync(cancellationToken);

    [Function(nameof(SweepExpiredDataActivity))]
    public Task<int> SweepExpired([ActivityTrigger] string? input, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        expired.ExecuteAsync(cancellationToken);
}
