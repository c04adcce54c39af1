using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>One sweep of <see cref="IdleRooms"/> for <see cref="IdleSweepOrchestrator"/>.</summary>
public sealed class SweepIdleRoomsActivity(IdleRooms idle) : TaskActivity<string?, IdleSweepResult>
{
    public override Task<IdleSweepResult> RunAsync(TaskActivityContext context, string? input) => ExecuteAsync(CancellationToken.None);

    public async Task<IdleSweepResult> ExecuteAsync(CancellationToken cancellationToken) =>
        new(await idle.SweepAsync(cancellationToken), idle.SweepInterval);
}
