using Azure;
using Azure.Data.Tables;
using Livechat.Core.Webhooks.Events;

namespace Livechat.Azure.Tables;

/// <summary>The webhook dead letters in Table Storage, a partition per subscription.</summary>
public sealed class TableWebhookDeadLetterStore(LivechatTables tables) : IWebhookDeadLetterStore
{
    public async Task SaveAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken) =>
        await tables.WebhookDeadLetters.UpsertEntityAsync(WebhookDeadLetterEntity.From(deadLetter), TableUpdateMode.Replace, cancellationToken);

    public async Task<WebhookDeadLetter?> GetAsync(string subscriptionId, string eventId, CancellationToken cancellationToken)
    {
        var found = await tables.WebhookDeadLetters.GetEntityIfExistsAsync<WebhookDeadLetterEntity>(subscriptionId, eventId, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToDeadLetter() : null;
    }

    public async Task<IReadOnlyList<WebhookDeadLetter>> ListAsync(string subscriptionId, int limit, CancellationToken cancellationToken)
    {
        var list = new List<WebhookDeadLetter>();
        await foreach (var e in tables.WebhookDeadLetters.QueryAsync<WebhookDeadLetterEntity>(d => d.PartitionKey == subscriptionId, cancellationToken: cancellationToken))
        {
            list.Add(e.ToDeadLetter());
            if (list.Count == limit) break;
        }
        return list;
    }

    public async Task DeleteAsync(string subscriptionId, string eventId, CancellationToken cancellationToken) =>
        await tables.WebhookDeadLetters.DeleteEntityAsync(subscriptionId, eventId, ETag.All, cancellationToken);
}
