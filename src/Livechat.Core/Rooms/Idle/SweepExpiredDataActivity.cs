using Livechat.Core.Limits;
using Livechat.Core.Privacy;
using Livechat.Core.Sessions;
using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>
/// The sweeper's housekeeping: expired sessions (<see cref="SessionRetention"/>), the rate counters of windows
/// that are over (<see cref="RateCounterRetention"/>) and, when retention is on, the rooms ended long enough ago
/// (<see cref="RoomRetention"/>: the app's timer is the sweeper's durable one); returns how many rows and rooms went.
/// </summary>
public sealed class SweepExpiredDataActivity(SessionRetention sessions, RateCounterRetention counters, RoomRetention rooms) : TaskActivity<string?, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string? input) => ExecuteAsync(CancellationToken.None);

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        await sessions.SweepAsync(cancellationToken) + await counters.SweepAsync(cancellationToken) + await rooms.PurgeAsync(cancellationToken);
}
