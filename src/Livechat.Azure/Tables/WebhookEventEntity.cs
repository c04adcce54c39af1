using Azure;
using Azure.Data.Tables;
using Livechat.Core.Webhooks.Events;

namespace Livechat.Azure.Tables;

/// <summary>
/// One logged webhook event: PK = its UTC day (yyyyMMdd), RK = its time-ordered id. A day a partition keeps each
/// write fast and lets a whole day be dropped at once; a cursor is a key range within the days it spans.
/// </summary>
internal sealed class WebhookEventEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Type { get; set; } = "";
    public string? RoomId { get; set; }
    public string Body { get; set; } = "";

    public static string DayOf(string eventId) => DayOf(WebhookEventIds.TimeOf(eventId));

    public static string DayOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public static WebhookEventEntity From(LoggedWebhookEvent e) => new() { PartitionKey = DayOf(e.Id), RowKey = e.Id, Type = e.Type, RoomId = e.RoomId, Body = e.Body };

    public LoggedWebhookEvent ToEvent() => new(RowKey, Type, RoomId, Body);
}
