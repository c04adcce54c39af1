using Microsoft.DurableTask;

namespace Livechat.Core.Sessions;

/// <summary>One <see cref="SessionRetention"/> sweep for the app's sweeper orchestration; returns how many went.</summary>
public sealed class SweepExpiredSessionsActivity(SessionRetention retention) : TaskActivity<string?, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string? input) => retention.SweepAsync(CancellationToken.None);
}
