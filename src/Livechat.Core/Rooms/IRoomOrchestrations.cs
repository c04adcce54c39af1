namespace Livechat.Core.Rooms;

/// <summary>
/// The Durable orchestrations behind rooms (instance id = room id). One adapter per host: the Functions
/// DurableTaskClient, and the local server's TaskHubClient.
/// </summary>
public interface IRoomOrchestrations
{
    /// <summary>Starts the room's orchestration; does nothing when it already runs.</summary>
    Task StartAsync(RoomOrchestrationInput input, CancellationToken cancellationToken);

    /// <summary>Wakes the room with a signal. Never the only copy of a visitor message: that is in the transcript.</summary>
    Task SignalAsync(string roomId, RoomSignal signal, CancellationToken cancellationToken);

    /// <summary>The orchestration's runtime status, or null when there is none.</summary>
    Task<string?> GetStatusAsync(string roomId, CancellationToken cancellationToken);
}
