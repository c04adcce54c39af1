using Azure;
using Azure.Data.Tables;
using Livechat.Core.Webhooks.Events;

namespace Livechat.Azure.Tables;

/// <summary>The webhook subscriptions in Table Storage, one row each; a save replaces the row (the last admin save wins, as a PUT means).</summary>
public sealed class TableWebhookSubscriptionStore(LivechatTables tables) : IWebhookSubscriptionStore
{
    public async Task<WebhookSubscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await tables.WebhookSubscriptions.GetEntityIfExistsAsync<WebhookSubscriptionEntity>(id, "", cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToSubscription() : null;
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<WebhookSubscription>();
        await foreach (var e in tables.WebhookSubscriptions.QueryAsync<WebhookSubscriptionEntity>(cancellationToken: cancellationToken)) list.Add(e.ToSubscription());
        return list;
    }

    public async Task SaveAsync(WebhookSubscription subscription, CancellationToken cancellationToken) =>
        await tables.WebhookSubscriptions.UpsertEntityAsync(WebhookSubscriptionEntity.From(subscription), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var response = await tables.WebhookSubscriptions.DeleteEntityAsync(id, "", ETag.All, cancellationToken);
        return response.Status != TableStatus.NotFound;
    }
}
