namespace Livechat.Core.Privacy;

/// <summary>
/// The histories' port of a host without a Durable client (tests of the stores): an erasure there must fail, not
/// silently leave the orchestration histories behind.
/// </summary>
public sealed class NoRoomHistories : IRoomHistories
{
    public Task StopAsync(string roomId, CancellationToken cancellationToken) => throw Unavailable();

    public Task<int> PurgeAsync(string roomId, CancellationToken cancellationToken) => throw Unavailable();

    private static InvalidOperationException Unavailable() => new("This host has no Durable client: rooms cannot be erased here.");
}
