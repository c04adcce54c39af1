using Azure.Data.Tables;
using Livechat.Core.Webhooks.Events;

namespace Livechat.Azure.Tables;

/// <summary>The webhook event log in Table Storage (see <see cref="WebhookEventEntity"/>): one insert per event.</summary>
public sealed class TableWebhookEventLog(LivechatTables tables) : IWebhookEventLog
{
    public async Task AppendAsync(LoggedWebhookEvent loggedEvent, CancellationToken cancellationToken) =>
        await tables.WebhookEvents.AddEntityAsync(WebhookEventEntity.From(loggedEvent), cancellationToken);

    public async Task<LoggedWebhookEvent?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        var found = await tables.WebhookEvents.GetEntityIfExistsAsync<WebhookEventEntity>(WebhookEventEntity.DayOf(eventId), eventId, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToEvent() : null;
    }

    public async Task<IReadOnlyList<LoggedWebhookEvent>> ReadAsync(string after, string before, IReadOnlyCollection<string> types, int limit,
        CancellationToken cancellationToken)
    {
        var found = new List<LoggedWebhookEvent>();
        var last = WebhookEventIds.TimeOf(before).UtcDateTime.Date;
        for (var day = WebhookEventIds.TimeOf(after).UtcDateTime.Date; day <= last && found.Count < limit; day = day.AddDays(1))
        {
            var partition = WebhookEventEntity.DayOf(new DateTimeOffset(day, TimeSpan.Zero));
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {before}");
            await foreach (var e in tables.WebhookEvents.QueryAsync<WebhookEventEntity>(filter, cancellationToken: cancellationToken))
            {
                if (!types.Contains(e.Type)) continue;
                found.Add(e.ToEvent());
                if (found.Count == limit) break;
            }
        }
        return found;
    }
}
