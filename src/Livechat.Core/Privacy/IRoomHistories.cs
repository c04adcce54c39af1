namespace Livechat.Core.Privacy;

/// <summary>The rooms' orchestration histories (the Durable task hub), which copy the transcript's inputs and outputs.</summary>
public interface IRoomHistories
{
    /// <summary>Terminates the room's orchestration when it runs and waits until it has stopped, so it writes nothing after.</summary>
    Task StopAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>Deletes the room's instance and its history; how many instances went (0 or 1).</summary>
    Task<int> PurgeAsync(string roomId, CancellationToken cancellationToken);
}
