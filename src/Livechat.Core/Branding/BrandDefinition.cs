namespace Livechat.Core.Branding;

/// <summary>A brand as the dashboard sends it; the site id comes from the route. Null or empty fields are left out.</summary>
public sealed record BrandDefinition(
    string? Title,
    string? AccentColor,
    string? LauncherPosition,
    string? TeamName,
    string? AvatarUrl,
    string? ReplyTime);
