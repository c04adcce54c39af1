using Microsoft.AspNetCore.Http;
using System.Globalization;

namespace Livechat.Api.Http;

/// <summary>A result with a <c>Retry-After</c> header (whole seconds, rounded up so a retry never comes too early).</summary>
internal sealed class RetryAfterResult(IResult inner, TimeSpan wait) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var seconds = (long)Math.Ceiling(Math.Max(wait.TotalSeconds, 1));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
