using Livechat.EndToEnd.Tests.Support;
using System.Net;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// What the Functions app serves itself on the Functions host: the widget, the agent console and the demo page,
/// compressed and revalidated with ETags (each miss is a billed execution), and the CORS answers a customer's page on
/// another origin needs, since the host adds none.
/// </summary>
public sealed class StaticFilesAndCorsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _http = new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = fixture.Server.BaseAddress };

    [Theory]
    [InlineData("api/widget.js", "text/javascript", "public, max-age=300")]
    [InlineData("agent/", "text/html", "no-cache")]
    [InlineData("agent/agent.js", "text/javascript", "public, max-age=300")]
    [InlineData("", "text/html", "no-cache")]
    public async Task File_IsServedBrotliCompressed_AndRevalidatesWith304(string path, string contentType, string cacheControl)
    {
        using var first = await GetAsync(path, "gzip, deflate, br");
        var body = await first.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(contentType, first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["br"], first.Content.Headers.ContentEncoding);
        Assert.Equal(cacheControl, first.Headers.CacheControl?.ToString());
        Assert.NotNull(first.Headers.ETag);
        using var plain = await GetAsync(path, "identity");
        Assert.True(body.Length < (await plain.Content.ReadAsByteArrayAsync()).Length);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await _http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AgentConsole_AllowsNoInlineScriptOrFraming_AndConnectsOnlyToItselfAndTheRealtimeService()
    {
        using var response = await GetAsync("agent/", "br");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        // Itself, the realtime service, and the blob endpoint attachments go to and come from.
        Assert.Matches(@"connect-src 'self' http://127\.0\.0\.1:\d+ ws://127\.0\.0\.1:\d+ http://127\.0\.0\.1:10000;", policy);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    /// <summary>
    /// What a first visit downloads before the bubble shows: the snippet's loader and the bundle it names, with
    /// brotli, at most 30 KB together. The bundle's URL carries its version and is cached for a year.
    /// </summary>
    [Fact]
    public async Task Widget_LoaderAndBundle_WithBrotli_AreWithinTheWireBudget_AndTheBundleIsImmutable()
    {
        using var loader = await GetAsync("api/widget.js", "br");
        using var plainLoader = await GetAsync("api/widget.js", "identity");
        var bundlePath = System.Text.RegularExpressions.Regex.Match(await plainLoader.Content.ReadAsStringAsync(), @"widget/[0-9a-f]{16}\.js").Value;
        Assert.NotEmpty(bundlePath);
        using var bundle = await GetAsync("api/" + bundlePath, "br");

        var loaderBytes = (await loader.Content.ReadAsByteArrayAsync()).Length;
        var bundleBytes = (await bundle.Content.ReadAsByteArrayAsync()).Length;
        Assert.InRange(loaderBytes, 1, 1_000);
        Assert.Equal(["br"], bundle.Content.Headers.ContentEncoding);
        Assert.InRange(loaderBytes + bundleBytes, 10_000, 30_000);
        Assert.Equal("public, max-age=31536000, immutable", bundle.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Widget_BundleOfAnotherVersion_IsSentOnToTheCurrentOne()
    {
        using var plainLoader = await GetAsync("api/widget.js", "identity");
        var current = System.Text.RegularExpressions.Regex.Match(await plainLoader.Content.ReadAsStringAsync(), @"widget/[0-9a-f]{16}\.js").Value;

        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = _http.BaseAddress };
        using var stale = await http.GetAsync("api/widget/0123456789abcdef.js");

        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("/api/" + current, stale.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("http://127.0.0.1:5500")]
    public async Task Preflight_FromALocalDevelopmentPage_IsAllowed(string origin)
    {
        using var response = await PreflightAsync("api/v1/rooms/r1/messages", origin, "POST");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"));
        Assert.Contains("Authorization", Header(response, "Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Preflight_FromAnUnknownSite_IsNotAllowed()
    {
        using var response = await PreflightAsync("api/v1/sessions", "https://evil.example", "POST");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task ApiResponse_ToAnAllowedOrigin_CarriesItsCorsHeaders_ProblemsToo()
    {
        using var created = new HttpRequestMessage(HttpMethod.Post, "api/v1/sessions") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        created.Headers.Add("Origin", "http://localhost:3000");
        using var refused = new HttpRequestMessage(HttpMethod.Post, "api/v1/rooms");
        refused.Headers.Add("Origin", "http://localhost:3000");

        using var ok = await _http.SendAsync(created);
        using var problem = await _http.SendAsync(refused);

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal("http://localhost:3000", Header(ok, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.Unauthorized, problem.StatusCode);
        Assert.Equal("http://localhost:3000", Header(problem, "Access-Control-Allow-Origin"));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await _http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return await _http.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
