using Livechat.Core.Webhooks;
using Livechat.Core.Webhooks.Events;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>
/// A customer's chat-event receiver on loopback: records every delivery (path, headers, body, whether its signature
/// verified with the path's secret) and answers each with the status its path's rule gives.
/// </summary>
public sealed class EventWebhookReceiver() : LoopbackSite("127.0.0.1")
{
    private readonly ConcurrentDictionary<string, Func<Delivery, int>> _rules = new();
    private readonly ConcurrentDictionary<string, string> _secrets = new();

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public string UrlOf(string path) => Origin + path;

    /// <summary>How the receiver at <paramref name="path"/> answers, and the secret it verifies with.</summary>
    public void Serve(string path, string secret, Func<Delivery, int>? status = null)
    {
        _secrets[path] = secret;
        _rules[path] = status ?? (_ => 200);
    }

    public IReadOnlyList<Delivery> At(string path) => Deliveries.Where(d => d.Path == path).ToList();

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Url!.AbsolutePath;
        var timestamp = context.Request.Headers[WebhookSignature.TimestampHeader];
        var signature = context.Request.Headers[WebhookSignature.SignatureHeader];
        var verified = _secrets.TryGetValue(path, out var secret) && long.TryParse(timestamp, out var ts)
            && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - ts) < 300 && WebhookSignature.Verify(secret, ts, body, signature);
        using var json = JsonDocument.Parse(body);
        var delivery = new Delivery(path, context.Request.Headers[WebhookDelivery.EventIdHeader] ?? "", context.Request.Headers[WebhookDelivery.EventTypeHeader] ?? "",
            json.RootElement.Clone(), verified, Deliveries.Count(d => d.Path == path && d.EventId == context.Request.Headers[WebhookDelivery.EventIdHeader]) + 1);
        var status = _rules.TryGetValue(path, out var rule) ? rule(delivery) : 404;
        Deliveries.Enqueue(delivery with { Status = status });
        context.Response.StatusCode = status;
    }

    /// <summary>One delivery as received; <see cref="Try"/> counts the deliveries of the same event id to the same path.</summary>
    public sealed record Delivery(string Path, string EventId, string EventType, JsonElement Body, bool SignatureVerified, int Try, int Status = 0)
    {
        public string? RoomId => Body.TryGetProperty("roomId", out var r) ? r.GetString() : null;
    }
}
