using Livechat.Core.Realtime;
using System.Collections.Concurrent;

namespace Livechat.Azure.Tests.Support;

/// <summary>Records what would be fanned out, so engine tests can assert what each visitor would receive.</summary>
public sealed class RecordingRealtimePublisher : IRealtimePublisher
{
    public ConcurrentQueue<(string Target, string EventName, object Payload)> Sent { get; } = new();

    public Task SendToUserAsync(string userId, string eventName, object payload, CancellationToken cancellationToken)
    {
        Sent.Enqueue(($"user:{userId}", eventName, payload));
        return Task.CompletedTask;
    }

    public Task SendToGroupAsync(string group, string eventName, object payload, CancellationToken cancellationToken)
    {
        Sent.Enqueue(($"group:{group}", eventName, payload));
        return Task.CompletedTask;
    }

    public Task AddUserToGroupAsync(string userId, string group, TimeSpan? ttl, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RemoveUserFromGroupAsync(string userId, string group, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RemoveUserFromAllGroupsAsync(string userId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
