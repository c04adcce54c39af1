using System.Net;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>A small HTTP site on a loopback origin of its own, answering every request with <see cref="AnswerAsync"/>.</summary>
public abstract class LoopbackSite : IDisposable
{
    private readonly HttpListener _listener = new();

    protected LoopbackSite(string host)
    {
        Origin = $"http://{host}:{FreePort.Next()}";
        _listener.Prefixes.Add($"{Origin}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public string Origin { get; }

    public void Dispose() => _listener.Close();

    protected abstract Task AnswerAsync(HttpListenerContext context);

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
            try
            {
                await AnswerAsync(context);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The caller stopped reading (a reply over its cap, say).
            }
        }
    }
}
