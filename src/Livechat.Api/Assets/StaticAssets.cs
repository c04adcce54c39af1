using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Livechat.Core.Branding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Livechat.Api.Assets;

/// <summary>
/// The widget, the agent console and the demo pages, served by the app itself from its <c>wwwroot</c>. Every request
/// is a billed execution, so each answer is as cheap as it can be: precompressed, with an ETag a browser revalidates
/// with a body-less 304, and a cache lifetime per kind of file.
/// </summary>
public sealed class StaticAssets : IDisposable
{
    private readonly Dictionary<string, StaticAsset> _assets = new(StringComparer.Ordinal);
    private readonly string _consolePolicy;
    private readonly string _pagePolicy;
    private readonly MemoryCache _brandedLoaders = new(new MemoryCacheOptions { SizeLimit = 1_000 });
    private static readonly JsonSerializerOptions WidgetBrandJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <param name="root">The folder served.</param>
    /// <param name="realtimeOrigin">Where pages open their realtime connection (the SignalR Service endpoint).</param>
    /// <param name="filesOrigin">Where attachments are uploaded to and read from (the Blob Storage endpoint).</param>
    public StaticAssets(string root, string? realtimeOrigin = null, string? filesOrigin = null)
    {
        var connect = realtimeOrigin is null ? "'self'" : $"'self' {realtimeOrigin} {WebSocketOrigin(realtimeOrigin)}";
        connect = filesOrigin is null ? connect : $"{connect} {filesOrigin}";
        var img = filesOrigin is null ? "'self' data:" : $"'self' data: {filesOrigin}";
        // The agent console and the dashboard hold a credential: no inline script, no framing, no referrer, nothing but its own
        // origin and the realtime service to talk to.
        _consolePolicy = $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src {img}; connect-src {connect}; " +
                         "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        // The demo pages stand for a customer's page: the embed snippet is an inline script.
        _pagePolicy = $"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src {img}; connect-src {connect}; " +
                      "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        if (!Directory.Exists(root)) return;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".map", StringComparison.Ordinal) || file.EndsWith(".ts", StringComparison.Ordinal)) continue;
            _assets[Path.GetRelativePath(root, file).Replace('\\', '/')] = StaticAsset.FromFile(file);
        }
        if (_assets.TryGetValue(WidgetScript, out var widget)) ServeWidgetBehindALoader(widget);
    }

    /// <summary>The URL customers' snippets name, relative to the root: the loader.</summary>
    public const string WidgetScript = "widget.js";

    /// <summary>The widget bundle's own URL (relative to the root), which changes with its content.</summary>
    public string? WidgetBundle { get; private set; }

    /// <summary>
    /// The snippet's fixed URL answers a loader of a few hundred bytes, cached briefly, that loads the bundle from a
    /// URL carrying its version, cached for a year: a returning visitor's browser asks for nothing but the loader
    /// (mostly a 304), and a release reaches every page within the loader's five minutes.
    /// </summary>
    private void ServeWidgetBehindALoader(StaticAsset widget)
    {
        WidgetBundle = $"widget/{widget.Version}.js";
        _assets[WidgetBundle] = widget.AsImmutable();
        _assets[WidgetScript] = Loader(brandJson: null);
    }

    /// <summary>
    /// The loader, carrying the site's brand to the bundle in an attribute of the script it adds: the look arrives
    /// with the one request a page makes anyway, before the bubble shows.
    /// </summary>
    private StaticAsset Loader(string? brandJson)
    {
        var brand = brandJson is null ? "" : $"\n  s.setAttribute(\"data-brand\", {JsonSerializer.Serialize(brandJson)});";
        var loader = $$"""
            /* Livechat widget loader: the bundle's URL changes with each release. */
            (function (d) {
              var me = d.currentScript, s = d.createElement("script");
              s.async = true;
              s.src = new URL("{{WidgetBundle}}", me && me.src ? me.src : d.baseURI).href;{{brand}}
              (d.head || d.documentElement).appendChild(s);
            })(document);
            """;
        return StaticAsset.FromBytes(".js", Encoding.UTF8.GetBytes(loader));
    }

    /// <summary>
    /// The loader for a page of the site <paramref name="brand"/> belongs to (the plain one without a brand). Each
    /// brand's loader is built and compressed once per instance and kept while it is asked for.
    /// </summary>
    public IResult ServeWidgetLoader(HttpRequest request, Brand? brand)
    {
        if (brand is null || WidgetBundle is null) return Serve(request, WidgetScript);
        var loader = _brandedLoaders.GetOrCreate((brand.SiteId, brand.UpdatedAt), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return Loader(JsonSerializer.Serialize(new WidgetBrand(brand), WidgetBrandJson));
        })!;
        return Send(request, WidgetScript, loader);
    }

    /// <summary>
    /// Serves the widget bundle of <paramref name="version"/>; another version (a loader cached before a release)
    /// is sent on to the current one.
    /// </summary>
    public IResult ServeWidgetBundle(HttpRequest request, string version) =>
        WidgetBundle is null ? Serve(request, "widget/" + version + ".js")
        : WidgetBundle == $"widget/{version}.js" ? Serve(request, WidgetBundle)
        : TypedResults.Redirect("/api/" + WidgetBundle);

    /// <summary>Where the files are found next to the app's binaries.</summary>
    public static string DefaultRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>Serves <paramref name="path"/> (relative to the root; a folder means its index.html).</summary>
    public IResult Serve(HttpRequest request, string? path)
    {
        path = (path ?? "").TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
        if (path.Contains("..", StringComparison.Ordinal) || !_assets.TryGetValue(path, out var asset))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no file '{path}'.");
        return Send(request, path, asset);
    }

    private IResult Send(HttpRequest request, string path, StaticAsset asset)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = HoldsACredential(path) ? _consolePolicy : _pagePolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }
        headers.CacheControl = asset.CacheControl;
        headers.ETag = asset.ETag;
        headers.Append("Vary", "Accept-Encoding");
        if (request.Headers.IfNoneMatch.ToString().Split(',').Any(tag => tag.Trim() == asset.ETag))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var (body, encoding) = Pick(request.Headers.AcceptEncoding.ToString(), asset);
        if (encoding is not null) headers.ContentEncoding = encoding;
        return TypedResults.Bytes(body, asset.ContentType);
    }

    /// <summary>The agent console and the dashboard hold a token or the admin key: the strict policy.</summary>
    private static bool HoldsACredential(string path) =>
        path.StartsWith("agent/", StringComparison.Ordinal) || path.StartsWith("dashboard/", StringComparison.Ordinal);

    /// <summary>
    /// Serves a file of the single-page app in <paramref name="folder"/>; any other path without a file extension is
    /// one of the app's own URLs (e.g. <c>/dashboard/recipes/faq</c>), answered with the index.html of the deepest
    /// folder on its way that has one (so <c>/dashboard/preview/faq</c> gets <c>dashboard/preview/index.html</c>).
    /// </summary>
    public IResult ServeApp(HttpRequest request, string folder, string? path)
    {
        var file = $"{folder}/{(path ?? "").TrimStart('/')}";
        if (_assets.ContainsKey(file) || Path.HasExtension(file)) return Serve(request, file);
        for (var dir = file.TrimEnd('/'); dir.Length > folder.Length; dir = dir[..dir.LastIndexOf('/')])
            if (_assets.ContainsKey(dir + "/index.html")) return Serve(request, dir + "/");
        return Serve(request, folder + "/");
    }

    private static string WebSocketOrigin(string origin) =>
        origin.StartsWith("https://", StringComparison.Ordinal) ? "wss://" + origin[8..]
        : origin.StartsWith("http://", StringComparison.Ordinal) ? "ws://" + origin[7..]
        : origin;

    private static (byte[] Body, string? Encoding) Pick(string acceptEncoding, StaticAsset asset)
    {
        var accepted = StringWithQualityHeaderValue.TryParseList(acceptEncoding.Split(','), out var list) ? list : [];
        bool Accepts(string coding) => accepted.Any(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
        if (Accepts("br") && asset.Brotli.Length < asset.Identity.Length) return (asset.Brotli, "br");
        if (Accepts("gzip") && asset.Gzip.Length < asset.Identity.Length) return (asset.Gzip, "gzip");
        return (asset.Identity, null);
    }

    public void Dispose() => _brandedLoaders.Dispose();
}
