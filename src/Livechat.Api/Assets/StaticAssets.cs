using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Livechat.Api.Assets;

/// <summary>
/// The widget, the agent console and the demo pages, served by the app itself from its <c>wwwroot</c>. Every request
/// is a billed execution, so each answer is as cheap as it can be: precompressed, with an ETag a browser revalidates
/// with a body-less 304, and a cache lifetime per kind of file.
/// </summary>
public sealed class StaticAssets
{
    private readonly Dictionary<string, StaticAsset> _assets = new(StringComparer.Ordinal);

    public StaticAssets(string root)
    {
        if (!Directory.Exists(root)) return;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".map", StringComparison.Ordinal) || file.EndsWith(".ts", StringComparison.Ordinal)) continue;
            _assets[Path.GetRelativePath(root, file).Replace('\\', '/')] = StaticAsset.FromFile(file);
        }
    }

    /// <summary>Where the files are found next to the app's binaries.</summary>
    public static string DefaultRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>Serves <paramref name="path"/> (relative to the root; a folder means its index.html).</summary>
    public IResult Serve(HttpRequest request, string? path)
    {
        path = (path ?? "").TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
        if (path.Contains("..", StringComparison.Ordinal) || !_assets.TryGetValue(path, out var asset))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no file '{path}'.");

        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = asset.CacheControl;
        headers.ETag = asset.ETag;
        headers.Append("Vary", "Accept-Encoding");
        if (request.Headers.IfNoneMatch.ToString().Split(',').Any(tag => tag.Trim() == asset.ETag))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var (body, encoding) = Pick(request.Headers.AcceptEncoding.ToString(), asset);
        if (encoding is not null) headers.ContentEncoding = encoding;
        return TypedResults.Bytes(body, asset.ContentType);
    }

    private static (byte[] Body, string? Encoding) Pick(string acceptEncoding, StaticAsset asset)
    {
        var accepted = StringWithQualityHeaderValue.TryParseList(acceptEncoding.Split(','), out var list) ? list : [];
        bool Accepts(string coding) => accepted.Any(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
        if (Accepts("br") && asset.Brotli.Length < asset.Identity.Length) return (asset.Brotli, "br");
        if (Accepts("gzip") && asset.Gzip.Length < asset.Identity.Length) return (asset.Gzip, "gzip");
        return (asset.Identity, null);
    }
}
