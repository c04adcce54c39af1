using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// This instance's copy of the subscription list, so publishing an event nobody subscribed to costs no read. A stale
/// copy is still answered while a new one loads in the background; an admin change made here reloads it at once.
/// </summary>
public sealed partial class WebhookSubscriptionCache(IWebhookSubscriptionStore store, IOptions<WebhookEventOptions> options, TimeProvider time,
    ILogger<WebhookSubscriptionCache> logger)
{
    private sealed record Snapshot(IReadOnlyList<WebhookSubscription> Subscriptions, DateTimeOffset LoadedAt);

    private volatile Snapshot? _current;
    private int _refreshing;

    public async ValueTask<IReadOnlyList<WebhookSubscription>> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is null) return await ReloadAsync(cancellationToken);
        if (time.GetUtcNow() - current.LoadedAt > options.Value.SubscriptionCacheLifetime && Interlocked.Exchange(ref _refreshing, 1) == 0)
            _ = RefreshInBackgroundAsync();
        return current.Subscriptions;
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ReloadAsync(CancellationToken cancellationToken)
    {
        var loaded = await store.ListAsync(cancellationToken);
        _current = new Snapshot(loaded, time.GetUtcNow());
        return loaded;
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await ReloadAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            LogRefreshFailed(e);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook subscription list could not be reloaded; the previous one stays in use")]
    private partial void LogRefreshFailed(Exception exception);
}
