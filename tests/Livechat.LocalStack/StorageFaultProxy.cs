using System.Net;
using System.Text;

namespace Livechat.LocalStack;

/// <summary>
/// An HTTP proxy in front of one storage endpoint (Azurite's table port, say) that answers chosen requests with
/// <c>503 Server Busy</c> instead of forwarding them, the way storage throttles in production. Everything else passes
/// through unchanged, so Shared Key signatures stay valid. <see cref="FailNext"/> arms it.
/// </summary>
public sealed class StorageFaultProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly Uri _target;
    private readonly Task _serving;
    private Func<string, string, bool>? _matches;
    private int _failuresLeft;
    private int _failed;

    public StorageFaultProxy(int targetPort)
    {
        _target = new Uri($"http://127.0.0.1:{targetPort}");
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    /// <summary>How many requests were answered with 503 so far.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>
    /// Answers the next <paramref name="count"/> requests for which <paramref name="matches"/>(method and path with
    /// query, body as text) holds with 503: a storage SDK's own retries see it as many times as it tries.
    /// </summary>
    public void FailNext(int count, Func<string, string, bool> matches)
    {
        _matches = matches;
        Volatile.Write(ref _failuresLeft, count);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var line = $"{request.HttpMethod} {request.RawUrl}";
            if (_matches is { } matches && Volatile.Read(ref _failuresLeft) > 0 && matches(line, Encoding.UTF8.GetString(body))
                && Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                Interlocked.Increment(ref _failed);
                response.StatusCode = 503;
                response.StatusDescription = "Server Busy";
                response.Close();
                return;
            }

            using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), new Uri(_target, request.RawUrl));
            if (body.Length > 0 || request.HttpMethod is "POST" or "PUT" or "PATCH" or "MERGE") forward.Content = new ByteArrayContent(body);
            foreach (var name in request.Headers.AllKeys)
            {
                if (name is null || name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Connection", StringComparison.OrdinalIgnoreCase) || name.Equals("Expect", StringComparison.OrdinalIgnoreCase)) continue;
                var value = request.Headers[name]!;
                if (!forward.Headers.TryAddWithoutValidation(name, value)) forward.Content?.Headers.TryAddWithoutValidation(name, value);
            }
            using var answer = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseContentRead);
            response.StatusCode = (int)answer.StatusCode;
            foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
            {
                if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)) continue;
                foreach (var value in values) response.Headers.Add(name, value);
            }
            var content = await answer.Content.ReadAsByteArrayAsync();
            response.ContentLength64 = content.Length;
            if (content.Length > 0) await response.OutputStream.WriteAsync(content);
            response.Close();
        }
        catch (Exception)
        {
            try
            {
                response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
        _upstream.Dispose();
    }
}
