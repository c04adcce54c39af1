using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Livechat.LocalStack;

/// <summary>
/// A loopback HTTP front end over several instances of the app, as Azure's front end is over a scaled-out Function
/// App: each request goes to the next instance in turn (not each connection: a client's keep-alive connection would
/// otherwise pin it to one instance), and an instance that refuses connections (killed) is skipped, as the platform
/// stops routing to an instance that is gone. A request cut off inside an instance gets 502; the client retries it,
/// as the widget does.
/// </summary>
public sealed class RoundRobinProxy : IDisposable
{
    // Hop-by-hop headers and those HttpListener sets itself.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Proxy-Connection", "TE", "Trailer", "Upgrade",
    };

    private readonly HttpListener _listener = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 1024,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    { Timeout = TimeSpan.FromSeconds(100) };
    private readonly Uri[] _backends;
    private readonly ConcurrentDictionary<int, long> _served = new();
    private long _next = -1;

    public RoundRobinProxy(IEnumerable<Uri> backends)
    {
        _backends = [.. backends];
        Port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port { get; }
    public Uri BaseAddress { get; }

    /// <summary>Requests each instance answered, by its index in the list given.</summary>
    public long Served(int backend) => _served.GetValueOrDefault(backend);

    /// <summary>Requests cut off inside an instance (answered 502).</summary>
    public long CutOff => _served.GetValueOrDefault(-1);

    public void Dispose()
    {
        _listener.Close();
        _http.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = ServeAsync(context);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            // Buffered: a request that an instance refused to connect to is sent again to the next one.
            using var body = new MemoryStream();
            if (context.Request.HasEntityBody) await context.Request.InputStream.CopyToAsync(body);
            var first = Interlocked.Increment(ref _next);
            for (var attempt = 0; attempt < _backends.Length; attempt++)
            {
                var index = (int)((first + attempt) % _backends.Length);
                using var request = Forwarded(context.Request, _backends[index], body.ToArray());
                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                }
                catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                {
                    continue; // nothing was sent: the next instance may take it
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Answer(context, HttpStatusCode.BadGateway, -1);
                    return;
                }
                using (response)
                {
                    context.Response.StatusCode = (int)response.StatusCode;
                    foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                        if (!NotForwarded.Contains(name)) context.Response.Headers[name] = string.Join(", ", values);
                    if (response.Content.Headers.ContentLength is { } length) context.Response.ContentLength64 = length;
                    _served.AddOrUpdate(index, 1, (_, n) => n + 1);
                    await response.Content.CopyToAsync(context.Response.OutputStream);
                }
                context.Response.Close();
                return;
            }
            Answer(context, HttpStatusCode.BadGateway, -1);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or HttpRequestException or InvalidOperationException)
        {
            // The caller went away, or the instance died while its answer was being relayed.
            try { context.Response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    private static HttpRequestMessage Forwarded(HttpListenerRequest incoming, Uri backend, byte[] body)
    {
        var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), new Uri(backend, incoming.RawUrl!.TrimStart('/')));
        if (body.Length > 0 || incoming.HasEntityBody) request.Content = new ByteArrayContent(body);
        foreach (var name in incoming.Headers.AllKeys)
        {
            if (name is null || NotForwarded.Contains(name)) continue;
            var value = incoming.Headers[name]!;
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    private void Answer(HttpListenerContext context, HttpStatusCode status, int counted)
    {
        _served.AddOrUpdate(counted, 1, (_, n) => n + 1);
        context.Response.StatusCode = (int)status;
        context.Response.Close();
    }
}
