using Azure;
using Azure.Data.Tables;
using Livechat.Core.Webhooks.Events;

namespace Livechat.Azure.Tables;

/// <summary>A dead letter: PK = subscription id, RK = event id, so a subscription's list is one partition, oldest first.</summary>
internal sealed class WebhookDeadLetterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Type { get; set; } = "";
    public string? RoomId { get; set; }
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
    public DateTimeOffset FailedAt { get; set; }

    public static WebhookDeadLetterEntity From(WebhookDeadLetter d) => new()
    {
        PartitionKey = d.SubscriptionId, RowKey = d.EventId, Type = d.Type, RoomId = d.RoomId, Attempts = d.Attempts, LastError = d.LastError, FailedAt = d.FailedAt,
    };

    public WebhookDeadLetter ToDeadLetter() => new(PartitionKey, RowKey, Type, RoomId, Attempts, LastError, FailedAt);
}
