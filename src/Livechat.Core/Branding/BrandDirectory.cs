using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Branding;

/// <summary>
/// The brand a page's widget gets, read for every loader request: cached per site for <see cref="Freshness"/> on
/// each instance, so a busy site costs one table read per instance and half minute, and a change shows within that
/// (at once on the instance that saved it). A site without a brand of its own gets the default site's. The widget
/// must load when storage does not answer: it then gets its own look until the next read.
/// </summary>
public sealed partial class BrandDirectory(IBrandStore brands, ILogger<BrandDirectory> logger) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, AbsoluteExpirationRelativeToNow = Freshness };
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 1_000 });

    /// <summary>The brand for the snippet's <c>site</c> (null, unknown or malformed: the default site's); null when none is set.</summary>
    public async Task<Brand?> ForWidgetAsync(string? siteId, CancellationToken cancellationToken)
    {
        if (siteId is not null && BrandAdminHandler.IsSiteId(siteId) && siteId != BrandAdminHandler.DefaultSite &&
            await CachedAsync(siteId, cancellationToken) is { } own)
            return own;
        return await CachedAsync(BrandAdminHandler.DefaultSite, cancellationToken);
    }

    /// <summary>Drops what this instance holds for the site, after a save or a delete.</summary>
    public void Forget(string siteId) => _cache.Remove(siteId);

    private async Task<Brand?> CachedAsync(string siteId, CancellationToken cancellationToken)
    {
        // A site without a brand is cached too (as null), or every page view of it would read the table.
        if (_cache.TryGetValue(siteId, out Brand? cached)) return cached;
        Brand? brand;
        try
        {
            brand = await brands.GetAsync(siteId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreadable(logger, siteId, e);
            brand = null;
        }
        _cache.Set(siteId, brand, Entry);
        return brand;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The brand of site {SiteId} could not be read; the widget shows its own look for now")]
    private static partial void LogUnreadable(ILogger logger, string siteId, Exception exception);

    public void Dispose() => _cache.Dispose();
}
