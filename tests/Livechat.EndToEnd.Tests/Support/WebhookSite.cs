using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>A customer's webhook receiver on loopback, answering each path as told, counting the calls.</summary>
public sealed class WebhookSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, Func<Reply>> _replies;
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public WebhookSite(IReadOnlyDictionary<string, Func<Reply>> replies)
    {
        _replies = replies;
        Url = $"http://127.0.0.1:{FreePort.Next()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    public int Calls(string path) => _calls.GetValueOrDefault(path);

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            _calls.AddOrUpdate(path, 1, (_, n) => n + 1);
            try
            {
                var reply = _replies.TryGetValue(path, out var make) ? make() : new Reply("{}");
                context.Response.ContentType = "application/json";
                context.Response.SendChunked = reply.Chunked;
                var body = Encoding.UTF8.GetBytes(reply.Body);
                if (!reply.Chunked) context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The caller stopped reading (a reply over its cap): that is the point.
            }
        }
    }

    public sealed record Reply(string Body, bool Chunked = false);
}
