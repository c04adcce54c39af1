using Livechat.Core.Limits;
using Livechat.Core.Sessions;
using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>
/// The sweeper's housekeeping: expired sessions (<see cref="SessionRetention"/>) and the rate counters of windows
/// that are over (<see cref="RateCounterRetention"/>); returns how many rows went.
/// </summary>
public sealed class SweepExpiredDataActivity(SessionRetention sessions, RateCounterRetention counters) : TaskActivity<string?, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string? input) => ExecuteAsync(CancellationToken.None);

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        await sessions.SweepAsync(cancellationToken) + await counters.SweepAsync(cancellationToken);
}
