using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Livechat.Benchmark;

/// <summary>The widget's bytes on the wire as the app serves them: the loader (the snippet's URL) and the bundle it loads.</summary>
public sealed partial record WidgetWeight(long LoaderBrotli, long LoaderGzip, long LoaderIdentity, long BundleBrotli, long BundleGzip, long BundleIdentity)
{
    public long Brotli => LoaderBrotli + BundleBrotli;
    public long Gzip => LoaderGzip + BundleGzip;

    /// <summary>Other widgets' first load, compressed, as issue 22 quotes them: the anchors the figure is read against.</summary>
    public const string Anchors = "Crisp ≈ 90 KB, Chatwoot ≈ 170 KiB, Intercom 300–500 KB (compressed, first load)";

    /// <summary>The lightest anchor (Crisp), in bytes: the widget meets its target when it is lighter.</summary>
    public const long LightestAnchorBytes = 90_000;

    public static async Task<WidgetWeight> MeasureAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        // No automatic decompression: the bytes counted are those the browser receives.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = baseAddress };
        var (loaderIdentity, loader) = await GetAsync(http, "api/widget.js", "identity", cancellationToken);
        // The loader names the bundle relative to its own URL, as the browser resolves it.
        var bundlePath = BundleUrl().Match(System.Text.Encoding.UTF8.GetString(loader)) is { Success: true } m
            ? new Uri(new Uri(baseAddress, "api/widget.js"), m.Groups[1].Value).PathAndQuery.TrimStart('/')
            : null;
        long bundleBr = 0, bundleGz = 0, bundleId = 0;
        if (bundlePath is not null)
        {
            bundleBr = (await GetAsync(http, bundlePath, "br", cancellationToken)).Bytes;
            bundleGz = (await GetAsync(http, bundlePath, "gzip", cancellationToken)).Bytes;
            bundleId = (await GetAsync(http, bundlePath, "identity", cancellationToken)).Bytes;
        }
        return new WidgetWeight((await GetAsync(http, "api/widget.js", "br", cancellationToken)).Bytes, (await GetAsync(http, "api/widget.js", "gzip", cancellationToken)).Bytes,
            loaderIdentity, bundleBr, bundleGz, bundleId);
    }

    private static async Task<(long Bytes, byte[] Body)> GetAsync(HttpClient http, string path, string encoding, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return (body.LongLength, body);
    }

    [GeneratedRegex("new URL\\(\"([^\"]+)\"")]
    private static partial Regex BundleUrl();
}
