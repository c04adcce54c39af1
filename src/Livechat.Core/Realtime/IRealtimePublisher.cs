namespace Livechat.Core.Realtime;

/// <summary>
/// Fans events out to connected clients: Azure SignalR Service's REST API (the emulator locally).
/// A user id reaches every connection of that identity (all tabs and devices).
/// </summary>
public interface IRealtimePublisher
{
    Task SendToUserAsync(string userId, string eventName, object payload, CancellationToken cancellationToken);

    Task SendToGroupAsync(string group, string eventName, object payload, CancellationToken cancellationToken);

    /// <summary>Puts every connection of the user in the group; with <paramref name="ttl"/>, only for that long.</summary>
    Task AddUserToGroupAsync(string userId, string group, TimeSpan? ttl, CancellationToken cancellationToken);

    Task RemoveUserFromGroupAsync(string userId, string group, CancellationToken cancellationToken);

    Task RemoveUserFromAllGroupsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Closes every connection of the user, telling the client why.</summary>
    Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken);
}
