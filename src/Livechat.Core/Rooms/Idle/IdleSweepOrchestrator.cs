using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>
/// One orchestration for the whole app (<see cref="InstanceId"/>) that sweeps idle rooms, then sleeps on a durable
/// timer: every few seconds or minutes one timer for all rooms, instead of one per turn of every room. A Functions
/// timer trigger would do the same, but the host this app is tested on has none registered (see
/// docs/decisions/0005-idle-rooms.md); a durable timer also wakes a scaled-in app on every plan.
/// </summary>
public sealed class IdleSweepOrchestrator : TaskOrchestrator<string?, string>
{
    /// <summary>The sweeper's instance id; room ids are GUIDs, so it names no room.</summary>
    public const string InstanceId = "livechat-idle-sweep";

    /// <summary>Sweeps a generation runs before it continues as new, bounding its history.</summary>
    public const int SweepsPerGeneration = 10;

    /// <summary>The wait after a sweep that failed past its retries (a storage outage): sweeping never stops.</summary>
    public static readonly TimeSpan AfterFailure = TimeSpan.FromMinutes(1);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        for (var i = 0; i < SweepsPerGeneration; i++)
        {
            // Expired sessions and counters once a generation (every ten sweeps) is often enough: they only take up room.
            if (i == 0) await SweepExpiredDataAsync(context);
            TimeSpan next;
            try
            {
                // The activity reads the interval from the app's settings, so a changed setting applies from the next sweep.
                next = (await context.CallActivityAsync<IdleSweepResult>(nameof(SweepIdleRoomsActivity), null, RoomOrchestrator.ActivityRetry)).NextSweepIn;
            }
            catch (TaskFailedException)
            {
                next = AfterFailure;
            }
            await context.CreateTimer(context.CurrentUtcDateTime.Add(next), CancellationToken.None);
        }
        context.ContinueAsNew(null, preserveUnprocessedEvents: false);
        return "continued";
    }

    private static async Task SweepExpiredDataAsync(TaskOrchestrationContext context)
    {
        try
        {
            await context.CallActivityAsync<int>(nameof(SweepExpiredDataActivity), null, RoomOrchestrator.ActivityRetry);
        }
        catch (TaskFailedException)
        {
            // The next generation tries again; rooms must not wait for sessions.
        }
    }
}

/// <summary>What one sweep did, and when the next one is due.</summary>
public sealed record IdleSweepResult(int Ended, TimeSpan NextSweepIn);
