using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>A customer's webhook receiver on loopback, answering each path as told, counting the calls.</summary>
public sealed class WebhookSite(IReadOnlyDictionary<string, Func<WebhookSite.Reply>> replies) : LoopbackSite("127.0.0.1")
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public string Url => Origin + "/";

    public int Calls(string path) => _calls.GetValueOrDefault(path);

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        _calls.AddOrUpdate(path, 1, (_, n) => n + 1);
        var reply = replies.TryGetValue(path, out var make) ? make() : new Reply("{}");
        context.Response.ContentType = "application/json";
        context.Response.SendChunked = reply.Chunked;
        var body = Encoding.UTF8.GetBytes(reply.Body);
        if (!reply.Chunked) context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
    }

    public sealed record Reply(string Body, bool Chunked = false);
}
