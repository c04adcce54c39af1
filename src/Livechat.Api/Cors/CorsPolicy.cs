using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Livechat.Api.Cors;

/// <summary>
/// Decides whether a page's origin may call the API and writes the headers that say so. Bearer tokens, never
/// cookies, carry identity, so credentials are not allowed and a permitted origin gains nothing a script on any
/// other origin could not already do with the same token.
/// </summary>
public sealed class CorsPolicy
{
    private const string AllowedMethods = "GET, POST, PUT, DELETE";
    private const string AllowedHeaders = "Authorization, Content-Type, If-None-Match";
    private const string ExposedHeaders = "Retry-After, ETag";
    // Chromium caps a preflight's cache at 2 hours; every preflight is a billed execution.
    private const string PreflightMaxAgeSeconds = "7200";

    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _anyPortOf = [];

    public CorsPolicy(IOptions<CorsOptions> options)
    {
        var origins = Split(options.Value.AllowedOrigins).ToList();
        if (options.Value.AllowLocalhost) origins.AddRange(["http://localhost:*", "http://127.0.0.1:*"]);
        foreach (var origin in origins)
        {
            if (origin.EndsWith(":*", StringComparison.Ordinal)) _anyPortOf.Add(origin[..^1]);
            else _exact.Add(origin);
        }
    }

    public bool Allows(string? origin)
    {
        if (string.IsNullOrEmpty(origin) || !IsWellFormed(origin)) return false;
        if (_exact.Contains(origin)) return true;
        foreach (var prefix in _anyPortOf)
            if (origin.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && origin.Length > prefix.Length
                && origin[prefix.Length..].All(char.IsAsciiDigit))
                return true;
        return false;
    }

    /// <summary>Adds the CORS headers of a response to <paramref name="request"/>, when its origin is allowed.</summary>
    public void Apply(HttpRequest request)
    {
        var headers = request.HttpContext.Response.Headers;
        if (!headers.Vary.Any(v => v?.Contains("Origin", StringComparison.OrdinalIgnoreCase) == true)) headers.Append("Vary", "Origin");
        var origin = request.Headers.Origin.ToString();
        if (!Allows(origin)) return;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlExposeHeaders = ExposedHeaders;
    }

    /// <summary>Answers a preflight: 204, with the permissions when the origin is allowed and without when not.</summary>
    public IResult Preflight(HttpRequest request)
    {
        Apply(request);
        if (Allows(request.Headers.Origin.ToString()))
        {
            var headers = request.HttpContext.Response.Headers;
            headers.AccessControlAllowMethods = AllowedMethods;
            headers.AccessControlAllowHeaders = AllowedHeaders;
            headers.AccessControlMaxAge = PreflightMaxAgeSeconds;
        }
        return TypedResults.NoContent();
    }

    internal static IEnumerable<string> Split(string origins) =>
        origins.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static bool IsWellFormed(string origin)
    {
        var candidate = origin.EndsWith(":*", StringComparison.Ordinal) ? origin[..^2] : origin;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.PathAndQuery == "/" && !candidate.EndsWith('/')
            && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment);
    }
}
