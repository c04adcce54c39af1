using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using System.Net.Sockets;

namespace Livechat.Api.Http;

/// <summary>
/// What an unhandled exception becomes for the caller: storage or engine outages are a 503 with Retry-After
/// (the widget retries), anything else a 500 without internals. Both hosts' middleware use it.
/// </summary>
public static class ExceptionProblems
{
    public static (int Status, ProblemDetails Body, int? RetryAfterSeconds) Describe(Exception exception)
    {
        if (IsTransientOutage(exception))
            return (StatusCodes.Status503ServiceUnavailable, new ProblemDetails
            {
                Status = 503,
                Title = "The service is temporarily unavailable.",
                Detail = "Storage could not be reached. Retry shortly.",
                Type = "https://httpstatuses.io/503",
            }, 5);
        return (StatusCodes.Status500InternalServerError, new ProblemDetails
        {
            Status = 500,
            Title = "An unexpected error occurred.",
            Type = "https://httpstatuses.io/500",
        }, null);
    }

    public static async Task WriteAsync(HttpContext context, Exception exception)
    {
        var (status, body, retryAfter) = Describe(exception);
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (retryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
        await context.Response.WriteAsJsonAsync(body, options: null, contentType: "application/problem+json");
    }

    private static bool IsTransientOutage(Exception exception) =>
        exception switch
        {
            null => false,
            HttpRequestException or SocketException or TimeoutException or TaskCanceledException => true,
            _ when exception.GetType().Name is "RequestFailedException" && StatusProperty(exception) is 0 or >= 500 => true,
            AggregateException aggregate => aggregate.InnerExceptions.Any(IsTransientOutage),
            _ => IsTransientOutage(exception.InnerException!),
        };

    private static int StatusProperty(Exception exception) =>
        exception.GetType().GetProperty("Status")?.GetValue(exception) is int status ? status : -1;
}
