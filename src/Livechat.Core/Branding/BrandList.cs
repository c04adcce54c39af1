namespace Livechat.Core.Branding;

/// <summary>Every site's brand, by site id: what the dashboard lists.</summary>
public sealed record BrandList(IReadOnlyList<Brand> Brands);
