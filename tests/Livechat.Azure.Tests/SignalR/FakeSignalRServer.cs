using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace Livechat.Azure.Tests.SignalR;

/// <summary>
/// A real Kestrel listener on a free loopback port standing in for Azure SignalR Service's REST endpoint:
/// records every request and answers with the status <see cref="Responder"/> picks for that attempt number.
/// </summary>
public sealed class FakeSignalRServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _count;

    private FakeSignalRServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Given the 1-based number of the request and its abort token, the status to answer.</summary>
    public Func<int, CancellationToken, Task<int>> Responder { get; set; } = (_, _) => Task.FromResult(StatusCodes.Status202Accepted);

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeSignalRServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeSignalRServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var queryStart = rawTarget.IndexOf('?');
        var pathOnly = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            rawTarget,
            $"{context.Request.Scheme}://{context.Request.Host}{pathOnly}",
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Request.ContentType,
            body,
            DateTimeOffset.UtcNow));

        var number = Interlocked.Increment(ref _count);
        int status;
        try
        {
            status = await Responder(number, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        context.Response.StatusCode = status;
        if (status >= 400)
        {
            await context.Response.WriteAsJsonAsync(new { code = "Fake", message = $"fake failure {status}" });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
