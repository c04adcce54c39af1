namespace Livechat.Core.Branding;

/// <summary>A site's brand was removed: its pages show the default site's brand again.</summary>
public sealed record BrandDeleted(string SiteId);
