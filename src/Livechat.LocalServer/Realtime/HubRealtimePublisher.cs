using Livechat.Core.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Livechat.LocalServer.Realtime;

/// <summary>The realtime port over the in-process hub: same event names and payloads as SignalR Service.</summary>
public sealed class HubRealtimePublisher(IHubContext<ChatHub> hub, LocalGroupMembership groups) : IRealtimePublisher
{
    public Task SendToUserAsync(string userId, string eventName, object payload, CancellationToken cancellationToken) =>
        hub.Clients.User(userId).SendAsync(eventName, payload, cancellationToken);

    public Task SendToGroupAsync(string group, string eventName, object payload, CancellationToken cancellationToken) =>
        hub.Clients.Users(groups.UsersIn(group)).SendAsync(eventName, payload, cancellationToken);

    public Task AddUserToGroupAsync(string userId, string group, CancellationToken cancellationToken)
    {
        groups.Add(userId, group);
        return Task.CompletedTask;
    }

    public Task RemoveUserFromGroupAsync(string userId, string group, CancellationToken cancellationToken)
    {
        groups.Remove(userId, group);
        return Task.CompletedTask;
    }
}
