using Livechat.Core.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Text.Json;

namespace Livechat.Azure.Tests.Support;

/// <summary>
/// The customer's webhook receiver on loopback: it verifies the signature as a customer would, records what it
/// received, and answers as each test scripts it (a status, a delay, a JSON reply).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Received { get; } = new();
    public int Attempts => _attempts;
    public int BadSignatures => _badSignatures;
    public Uri Url { get; private set; } = null!;

    /// <summary>Answers in order; the last answer repeats.</summary>
    public List<(int Status, TimeSpan Delay, string? Body)> Script { get; } = [(200, TimeSpan.Zero, null)];

    private int _attempts;
    private int _badSignatures;

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var attempt = Interlocked.Increment(ref receiver._attempts) - 1;
            var timestamp = long.Parse(request.Headers[WebhookSignature.TimestampHeader].ToString());
            if (!WebhookSignature.Verify(secret, timestamp, body, request.Headers[WebhookSignature.SignatureHeader].ToString()))
            {
                Interlocked.Increment(ref receiver._badSignatures);
                return Results.Unauthorized();
            }
            receiver.Received.Enqueue(JsonDocument.Parse(body).RootElement.Clone());
            var (status, delay, reply) = receiver.Script[Math.Min(attempt, receiver.Script.Count - 1)];
            if (delay > TimeSpan.Zero) await Task.Delay(delay);
            return reply is null ? Results.StatusCode(status) : Results.Text(reply, "application/json", statusCode: status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
