using Azure;
using Azure.Data.Tables;
using Livechat.Core.Branding;

namespace Livechat.Azure.Tables;

/// <summary>A site's brand: PK = site id, RK = "". A partition each, as departments, so sites' loaders read apart.</summary>
internal sealed class BrandEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Title { get; set; }
    public string? AccentColor { get; set; }
    public string? LauncherPosition { get; set; }
    public string? TeamName { get; set; }
    public string? AvatarUrl { get; set; }
    public string? ReplyTime { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static BrandEntity From(Brand b) => new()
    {
        PartitionKey = b.SiteId, Title = b.Title, AccentColor = b.AccentColor, LauncherPosition = b.LauncherPosition,
        TeamName = b.TeamName, AvatarUrl = b.AvatarUrl, ReplyTime = b.ReplyTime, UpdatedAt = b.UpdatedAt,
    };

    public Brand ToBrand() => new(PartitionKey, Title, AccentColor, LauncherPosition, TeamName, AvatarUrl, ReplyTime, UpdatedAt);
}
