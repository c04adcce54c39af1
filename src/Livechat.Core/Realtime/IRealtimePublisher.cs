namespace Livechat.Core.Realtime;

/// <summary>
/// Fans events out to connected clients: Azure SignalR Service's REST API in Azure, an in-process hub locally.
/// A user id reaches every connection of that identity (all tabs and devices).
/// </summary>
public interface IRealtimePublisher
{
    Task SendToUserAsync(string userId, string eventName, object payload, CancellationToken cancellationToken);

    Task SendToGroupAsync(string group, string eventName, object payload, CancellationToken cancellationToken);

    Task AddUserToGroupAsync(string userId, string group, CancellationToken cancellationToken);

    Task RemoveUserFromGroupAsync(string userId, string group, CancellationToken cancellationToken);
}
