namespace Livechat.Core.Rooms;

/// <summary>
/// The Durable orchestrations behind rooms (instance id = room id): the Functions DurableTaskClient in the app, the
/// in-memory engine's TaskHubClient in tests.
/// </summary>
public interface IRoomOrchestrations
{
    /// <summary>Starts the room's orchestration; does nothing when it already runs. True when this call started it.</summary>
    Task<bool> StartAsync(RoomOrchestrationInput input, CancellationToken cancellationToken);

    /// <summary>Wakes the room with a signal. Never the only copy of a visitor message: that is in the transcript.</summary>
    Task SignalAsync(string roomId, RoomSignal signal, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the room's flow again when its orchestration failed (an activity failed past its retries): the same
    /// generation runs once more, and its idempotent activities store and send nothing twice. With no orchestration
    /// at all (a greeted room whose first message's start was lost) it starts <paramref name="ifMissing"/>.
    /// </summary>
    Task ResumeIfFailedAsync(string roomId, RoomOrchestrationInput ifMissing, CancellationToken cancellationToken);

    /// <summary>Starts the app's <see cref="IdleSweepOrchestrator"/> unless it runs.</summary>
    Task EnsureIdleSweepAsync(CancellationToken cancellationToken);

    /// <summary>The orchestration's runtime status, or null when there is none.</summary>
    Task<string?> GetStatusAsync(string roomId, CancellationToken cancellationToken);
}
