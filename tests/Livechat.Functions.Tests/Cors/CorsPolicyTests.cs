using Livechat.Api.Cors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Livechat.Functions.Tests.Cors;

public sealed class CorsPolicyTests
{
    private static CorsPolicy Policy(string origins, bool localhost = false) =>
        new(Options.Create(new CorsOptions { AllowedOrigins = origins, AllowLocalhost = localhost }));

    [Theory]
    [InlineData("https://shop.example.com", true)]
    [InlineData("https://SHOP.example.com", true)]
    [InlineData("https://www.example.org", true)]
    [InlineData("http://shop.example.com", false)]
    [InlineData("https://shop.example.com.evil.test", false)]
    [InlineData("https://evil.test", false)]
    [InlineData("null", false)]
    [InlineData("", false)]
    public void Allows_OnlyTheConfiguredOrigins(string origin, bool allowed) =>
        Assert.Equal(allowed, Policy("https://shop.example.com, https://www.example.org").Allows(origin));

    [Theory]
    [InlineData("http://localhost:3000", true)]
    [InlineData("http://127.0.0.1:5173", true)]
    [InlineData("http://localhost", false)]
    [InlineData("http://localhost:3000.evil.test", false)]
    [InlineData("http://localhost.evil.test:3000", false)]
    [InlineData("https://localhost:3000", false)]
    public void Allows_LocalDevelopment_AnyPortOfLocalhost(string origin, bool allowed) =>
        Assert.Equal(allowed, Policy("", localhost: true).Allows(origin));

    [Fact]
    public void Allows_NoLocalhost_OutsideLocalDevelopment() =>
        Assert.False(Policy("https://shop.example.com").Allows("http://localhost:3000"));

    [Fact]
    public void Preflight_FromAnAllowedOrigin_GrantsMethodsAndHeaders_WithoutCredentials()
    {
        var request = Request("https://shop.example.com");

        Policy("https://shop.example.com").Preflight(request);

        var headers = request.HttpContext.Response.Headers;
        Assert.Equal("https://shop.example.com", headers.AccessControlAllowOrigin);
        Assert.Contains("POST", headers.AccessControlAllowMethods.ToString());
        Assert.Contains("Authorization", headers.AccessControlAllowHeaders.ToString());
        Assert.False(headers.ContainsKey("Access-Control-Allow-Credentials"));
        Assert.Equal("Origin", headers.Vary);
    }

    [Fact]
    public void Preflight_FromAnotherOrigin_GrantsNothing()
    {
        var request = Request("https://evil.test");

        Policy("https://shop.example.com").Preflight(request);

        var headers = request.HttpContext.Response.Headers;
        Assert.False(headers.ContainsKey("Access-Control-Allow-Origin"));
        Assert.False(headers.ContainsKey("Access-Control-Allow-Methods"));
    }

    [Fact]
    public void Apply_Twice_SaysVaryOriginOnce()
    {
        var request = Request("https://shop.example.com");
        var policy = Policy("https://shop.example.com");

        policy.Apply(request);
        policy.Apply(request);

        Assert.Single(request.HttpContext.Response.Headers.Vary);
    }

    [Theory]
    [InlineData("https://shop.example.com", true)]
    [InlineData("http://localhost:*", true)]
    [InlineData("https://shop.example.com/", false)]
    [InlineData("https://shop.example.com/path", false)]
    [InlineData("shop.example.com", false)]
    [InlineData("ftp://shop.example.com", false)]
    public void Options_ValidateEachOrigin(string origin, bool valid)
    {
        var errors = new CorsOptions { AllowedOrigins = origin }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object()));

        Assert.Equal(valid, !errors.Any());
    }

    private static HttpRequest Request(string origin)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Origin = origin;
        return context.Request;
    }
}
