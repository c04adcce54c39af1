using Azure;
using Azure.Data.Tables;
using Livechat.Core.Branding;

namespace Livechat.Azure.Tables;

/// <summary>The sites' brands in Table Storage, one row each.</summary>
public sealed class TableBrandStore(LivechatTables tables) : IBrandStore
{
    public async Task<Brand?> GetAsync(string siteId, CancellationToken cancellationToken)
    {
        var found = await tables.Brands.GetEntityIfExistsAsync<BrandEntity>(siteId, "", cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToBrand() : null;
    }

    public async Task<IReadOnlyList<Brand>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<Brand>();
        await foreach (var e in tables.Brands.QueryAsync<BrandEntity>(cancellationToken: cancellationToken)) list.Add(e.ToBrand());
        return list;
    }

    public async Task SaveAsync(Brand brand, CancellationToken cancellationToken) =>
        await tables.Brands.UpsertEntityAsync(BrandEntity.From(brand), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> DeleteAsync(string siteId, CancellationToken cancellationToken)
    {
        var response = await tables.Brands.DeleteEntityAsync(siteId, "", ETag.All, cancellationToken);
        return response.Status != TableStatus.NotFound;
    }
}
