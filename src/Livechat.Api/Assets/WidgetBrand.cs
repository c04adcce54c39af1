using Livechat.Core.Branding;

namespace Livechat.Api.Assets;

/// <summary>What of a brand the widget needs (not the site id or the time it changed), as the loader hands it over.</summary>
internal sealed record WidgetBrand(string? Title, string? AccentColor, string? LauncherPosition, string? TeamName, string? AvatarUrl, string? ReplyTime)
{
    public WidgetBrand(Brand brand) : this(brand.Title, brand.AccentColor, brand.LauncherPosition, brand.TeamName, brand.AvatarUrl, brand.ReplyTime)
    {
    }
}
