namespace Livechat.Core.Branding;

/// <summary>The sites' brands, one row each.</summary>
public interface IBrandStore
{
    Task<Brand?> GetAsync(string siteId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Brand>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates the brand or replaces it whole.</summary>
    Task SaveAsync(Brand brand, CancellationToken cancellationToken);

    /// <summary>False when there was none.</summary>
    Task<bool> DeleteAsync(string siteId, CancellationToken cancellationToken);
}
