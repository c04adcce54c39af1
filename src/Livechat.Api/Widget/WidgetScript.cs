using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Livechat.Api.Widget;

/// <summary>
/// Serves the bundled widget script with an ETag and a short public cache, so customers' pages load it from
/// the browser cache and still pick up a new release within minutes.
/// </summary>
public sealed class WidgetScript
{
    private readonly byte[] _content;
    private readonly string _etag;

    public WidgetScript(string path)
    {
        _content = File.Exists(path) ? File.ReadAllBytes(path) : "console.error('Verloop widget: the script was not built.');"u8.ToArray();
        _etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(_content))[..16]}\"";
    }

    /// <summary>GET /api/widget.js</summary>
    public IResult Get(HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        request.HttpContext.Response.Headers.ETag = _etag;
        if (request.Headers.IfNoneMatch.ToString() == _etag) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(_content, "text/javascript; charset=utf-8");
    }

    /// <summary>Where the built script is found next to a host's binaries.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "wwwroot", "widget.js");
}
