using Livechat.Api.Assets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;

namespace Livechat.Functions.Tests.Assets;

public sealed class StaticAssetsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("livechat-assets-").FullName;
    private readonly string _script = "console.log('hello');" + string.Concat(Enumerable.Repeat(" var a = 1;", 200));

    public StaticAssetsTests()
    {
        File.WriteAllText(Path.Combine(_root, "widget.js"), _script);
        File.WriteAllText(Path.Combine(_root, "console.js"), _script);
        File.WriteAllText(Path.Combine(_root, "widget.js.map"), "{}");
        Directory.CreateDirectory(Path.Combine(_root, "agent"));
        File.WriteAllText(Path.Combine(_root, "agent", "index.html"), "<!doctype html><title>Agent</title>");
        Directory.CreateDirectory(Path.Combine(_root, "dashboard"));
        File.WriteAllText(Path.Combine(_root, "dashboard", "index.html"), "<!doctype html><title>Dashboard</title>");
        File.WriteAllText(Path.Combine(_root, "dashboard", "dashboard.js"), "init();");
        Directory.CreateDirectory(Path.Combine(_root, "dashboard", "preview"));
        File.WriteAllText(Path.Combine(_root, "dashboard", "preview", "index.html"), "<!doctype html><title>Preview</title>");
    }

    [Fact]
    public async Task Serve_TheWidgetScript_IsALoaderOfTheVersionedBundle_WhichIsImmutable()
    {
        var assets = new StaticAssets(_root);
        var (loader, loaderBody) = await ServeAsync("widget.js", "");
        var (bundle, bundleBody) = await ExecuteAsync(new DefaultHttpContext(), request => assets.ServeWidgetBundle(request, assets.WidgetBundle![7..^3]));

        Assert.Matches(@"^widget/[0-9a-f]{16}\.js$", assets.WidgetBundle);
        Assert.Contains(assets.WidgetBundle!, System.Text.Encoding.UTF8.GetString(loaderBody));
        Assert.True(loaderBody.Length < 1_000);
        Assert.Equal("public, max-age=300", loader.Headers.CacheControl);
        Assert.Equal(_script, System.Text.Encoding.UTF8.GetString(bundleBody));
        Assert.Equal("public, max-age=31536000, immutable", bundle.Headers.CacheControl);
    }

    [Fact]
    public async Task ServeWidgetLoader_ForABrandedSite_HandsTheBrandToTheBundle_EscapedForAScript_WithItsOwnETag()
    {
        using var assets = new StaticAssets(_root);
        var brand = new Livechat.Core.Branding.Brand("shop", "</script><script>alert(1)</script>", "#0b5394", "left", null, null, null, DateTimeOffset.UnixEpoch);
        var (plain, _) = await ExecuteAsync(new DefaultHttpContext(), request => assets.ServeWidgetLoader(request, null));
        var (branded, body) = await ExecuteAsync(new DefaultHttpContext(), request => assets.ServeWidgetLoader(request, brand));

        var loader = System.Text.Encoding.UTF8.GetString(body);
        Assert.Contains("data-brand", loader, StringComparison.Ordinal);
        Assert.Contains("#0b5394", loader, StringComparison.Ordinal);
        Assert.DoesNotContain("</script>", loader, StringComparison.Ordinal);
        Assert.DoesNotContain("shop", loader, StringComparison.Ordinal); // the site id and the save time stay on the server
        Assert.Contains(assets.WidgetBundle!, loader, StringComparison.Ordinal);
        Assert.Equal("public, max-age=300", branded.Headers.CacheControl);
        Assert.NotEqual(plain.Headers.ETag.ToString(), branded.Headers.ETag.ToString());
    }

    [Fact]
    public async Task ServeWidgetBundle_AnotherVersion_RedirectsToTheCurrentBundle()
    {
        var assets = new StaticAssets(_root);
        var (response, _) = await ExecuteAsync(new DefaultHttpContext(), request => assets.ServeWidgetBundle(request, "0123456789abcdef"));

        Assert.Equal(302, response.StatusCode);
        Assert.Equal("/api/" + assets.WidgetBundle, response.Headers.Location);
    }

    [Theory]
    [InlineData("recipes/faq", "<!doctype html><title>Dashboard</title>")]
    [InlineData("", "<!doctype html><title>Dashboard</title>")]
    [InlineData("dashboard.js", "init();")]
    [InlineData("preview/faq", "<!doctype html><title>Preview</title>")]
    [InlineData("preview/", "<!doctype html><title>Preview</title>")]
    [InlineData("previews/faq", "<!doctype html><title>Dashboard</title>")]
    public async Task ServeApp_ADashboardUrl_IsItsIndexPage_AndAFileIsTheFile(string path, string expected)
    {
        var (response, body) = await ServeAppAsync("dashboard", path);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task ServeApp_AMissingFile_Is404_NotTheIndexPage()
    {
        var (response, _) = await ServeAppAsync("dashboard", "missing.js");

        Assert.Equal(404, response.StatusCode);
    }

    [Fact]
    public async Task ServeApp_TheDashboard_HoldsTheAdminKey_SoItHasTheStrictPolicy()
    {
        var (response, _) = await ServeAppAsync("dashboard", "recipes/faq");

        var policy = response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"]);
    }

    [Fact]
    public async Task Serve_WithBrotliAccepted_SendsTheBrotliBody_WithETagAndCache()
    {
        var (response, body) = await ServeAsync("console.js", "gzip, br");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("br", response.Headers.ContentEncoding);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl);
        Assert.Contains("Accept-Encoding", response.Headers.Vary.ToString());
        using var brotli = new BrotliStream(new MemoryStream(body), CompressionMode.Decompress);
        Assert.Equal(_script, new StreamReader(brotli).ReadToEnd());
        Assert.True(body.Length < _script.Length / 4);
    }

    [Fact]
    public async Task Serve_WithOnlyGzip_SendsGzip_AndWithNoneSendsThePlainFile()
    {
        var (gzip, _) = await ServeAsync("console.js", "gzip");
        var (plain, body) = await ServeAsync("console.js", "");
        var (refused, _) = await ServeAsync("console.js", "br;q=0, gzip;q=0");

        Assert.Equal("gzip", gzip.Headers.ContentEncoding);
        Assert.False(plain.Headers.ContainsKey("Content-Encoding"));
        Assert.Equal(_script, System.Text.Encoding.UTF8.GetString(body));
        Assert.False(refused.Headers.ContainsKey("Content-Encoding"));
    }

    [Fact]
    public async Task Serve_WithTheCurrentETag_Answers304WithoutABody()
    {
        var (first, _) = await ServeAsync("console.js", "br");

        var (second, body) = await ServeAsync("console.js", "br", first.Headers.ETag);

        Assert.Equal(304, second.StatusCode);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Serve_AFolder_ServesItsIndexPage_RevalidatedEachTime()
    {
        var (response, _) = await ServeAsync("agent/", "");

        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("text/html", response.ContentType);
        Assert.Equal("no-cache", response.Headers.CacheControl);
    }

    [Theory]
    [InlineData("widget.js.map")]
    [InlineData("../widget.js")]
    [InlineData("agent/../../etc/passwd")]
    [InlineData("missing.js")]
    public async Task Serve_SourceMapsTraversalAndUnknownFiles_Are404Problems(string path)
    {
        var (response, _) = await ServeAsync(path, "");

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task Serve_TheAgentConsole_WithAStrictPolicy_NoInlineScriptNoFramingNoReferrer()
    {
        var (response, _) = await ServeAsync("agent/", "", realtimeOrigin: "https://chat.service.signalr.net");

        var policy = response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("connect-src 'self' https://chat.service.signalr.net wss://chat.service.signalr.net;", policy);
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"]);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
    }

    [Fact]
    public async Task Serve_TheWidgetScript_IsEmbeddable_NoPageHeaders()
    {
        var (response, _) = await ServeAsync("widget.js", "");

        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
        Assert.False(response.Headers.ContainsKey("Content-Security-Policy"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<(HttpResponse Response, byte[] Body)> ServeAppAsync(string folder, string path) =>
        ExecuteAsync(new DefaultHttpContext(), request => new StaticAssets(_root).ServeApp(request, folder, path));

    private Task<(HttpResponse Response, byte[] Body)> ServeAsync(string path, string acceptEncoding, string? ifNoneMatch = null, string? realtimeOrigin = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptEncoding = acceptEncoding;
        if (ifNoneMatch is not null) context.Request.Headers.IfNoneMatch = ifNoneMatch;
        return ExecuteAsync(context, request => new StaticAssets(_root, realtimeOrigin).Serve(request, path));
    }

    private static async Task<(HttpResponse Response, byte[] Body)> ExecuteAsync(DefaultHttpContext context, Func<HttpRequest, IResult> serve)
    {
        context.RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var body = new MemoryStream();
        context.Response.Body = body;
        await serve(context.Request).ExecuteAsync(context);
        return (context.Response, body.ToArray());
    }
}
