using Microsoft.Extensions.Logging;

namespace Livechat.Core.Realtime;

/// <summary>
/// Sends events without letting the realtime service hold up or fail the chat: the transcript is the truth, and a
/// client re-reads it after its last seq when it reconnects, so a send that fails or takes longer than its budget is
/// logged and dropped. Group membership is not best effort: it decides who may hear a room.
/// </summary>
public sealed partial class BestEffortRealtimePublisher(IRealtimePublisher inner, TimeSpan budget, ILogger<BestEffortRealtimePublisher> logger)
    : IRealtimePublisher
{
    public Task SendToUserAsync(string userId, string eventName, object payload, CancellationToken cancellationToken) =>
        TryAsync((token) => inner.SendToUserAsync(userId, eventName, payload, token), eventName, "user", cancellationToken);

    public Task SendToGroupAsync(string group, string eventName, object payload, CancellationToken cancellationToken) =>
        TryAsync((token) => inner.SendToGroupAsync(group, eventName, payload, token), eventName, group, cancellationToken);

    public Task AddUserToGroupAsync(string userId, string group, TimeSpan? ttl, CancellationToken cancellationToken) =>
        inner.AddUserToGroupAsync(userId, group, ttl, cancellationToken);

    public Task RemoveUserFromGroupAsync(string userId, string group, CancellationToken cancellationToken) =>
        inner.RemoveUserFromGroupAsync(userId, group, cancellationToken);

    public Task RemoveUserFromAllGroupsAsync(string userId, CancellationToken cancellationToken) =>
        inner.RemoveUserFromAllGroupsAsync(userId, cancellationToken);

    public Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken) =>
        inner.CloseUserConnectionsAsync(userId, reason, cancellationToken);

    private async Task TryAsync(Func<CancellationToken, Task> send, string eventName, string audience, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        try
        {
            await send(deadline.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogDropped(e, eventName, audience, budget);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime event {EventName} to {Audience} dropped (failed or slower than {Budget}); clients re-read the transcript")]
    private partial void LogDropped(Exception exception, string eventName, string audience, TimeSpan budget);
}
