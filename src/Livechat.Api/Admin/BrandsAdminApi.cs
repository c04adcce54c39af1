using Livechat.Api.Http;
using Livechat.Core.Branding;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Admin;

/// <summary>HTTP face of the dashboard's brand calls (one brand per site), for the admin only.</summary>
public sealed class BrandsAdminApi(AdminCall call, BrandAdminHandler brands)
{
    /// <summary>GET /api/v1/admin/brands</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => brands.ListAsync(cancellationToken), l => TypedResults.Ok(l));

    /// <summary>GET /api/v1/admin/brands/{siteId}</summary>
    public Task<IResult> GetAsync(HttpRequest request, string siteId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => brands.GetAsync(siteId, cancellationToken), b => TypedResults.Ok(b));

    /// <summary>PUT /api/v1/admin/brands/{siteId}: sets the site's brand, replacing what was there.</summary>
    public Task<IResult> PutAsync(HttpRequest request, string siteId, CancellationToken cancellationToken) =>
        call.RunAsync<BrandDefinition, Brand>(request, body => brands.PutAsync(siteId, body, cancellationToken), b => TypedResults.Ok(b), cancellationToken);

    /// <summary>DELETE /api/v1/admin/brands/{siteId}</summary>
    public Task<IResult> DeleteAsync(HttpRequest request, string siteId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => brands.DeleteAsync(siteId, cancellationToken), d => TypedResults.Ok(d));
}
