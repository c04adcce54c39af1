using Azure;
using Azure.Data.Tables;
using Livechat.Core.Webhooks.Events;

namespace Livechat.Azure.Tables;

/// <summary>A webhook subscription: PK = subscription id, RK = "". Events as one comma-separated property.</summary>
internal sealed class WebhookSubscriptionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Url { get; set; } = "";
    public string Events { get; set; } = "";
    public string Secret { get; set; } = "";
    public bool Enabled { get; set; }
    public string? Description { get; set; }
    public string StartCursor { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static WebhookSubscriptionEntity From(WebhookSubscription s) => new()
    {
        PartitionKey = s.Id, Url = s.Url, Events = string.Join(',', s.Events), Secret = s.Secret, Enabled = s.Enabled, Description = s.Description,
        StartCursor = s.StartCursor, CreatedAt = s.CreatedAt, UpdatedAt = s.UpdatedAt,
    };

    public WebhookSubscription ToSubscription() =>
        new(PartitionKey, Url, Events.Split(',', StringSplitOptions.RemoveEmptyEntries), Secret, Enabled, Description, StartCursor, CreatedAt, UpdatedAt);
}
