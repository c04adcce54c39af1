using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Livechat.Benchmark;

/// <summary>
/// The app's HTTP API and realtime hub as the phases call them: each round trip and each hub connection is timed
/// and counted into the phase's metrics, and a failure ends the conversation that made the call.
/// </summary>
internal sealed class MeasuredApi(ServerTarget target, HttpClient http)
{
    /// <summary>A client for many concurrent conversations: one connection pool, generous limits, loopback only.</summary>
    public static HttpClient CreateHttpClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        UseProxy = false,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Negotiates (a timed call) and opens the hub connection it points to (timed as the handshake).</summary>
    public async Task<EventInbox> ConnectAsync(PhaseMetrics m, string negotiatePath, string token, CancellationToken ct)
    {
        var negotiated = await CallAsync(m, "negotiate", HttpMethod.Post, negotiatePath, token, null, ct);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var inbox = await EventInbox.ConnectAsync(negotiated.GetProperty("url").GetString()!, negotiated.GetProperty("accessToken").GetString()!, ct);
            m.Live("hub connect (WebSocket handshake)").Add(Stopwatch.GetElapsedTime(started));
            return inbox;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            m.Error($"hub connect: {ex.GetType().Name}: {ex.Message}");
            throw new ConversationAborted("hub connect");
        }
    }

    /// <summary>One HTTP round trip, timed and counted; anything but a 2xx is an error that ends the conversation.</summary>
    public async Task<JsonElement> CallAsync(PhaseMetrics m, string name, HttpMethod method, string path, string? token, object? body, CancellationToken ct, bool admin = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (admin) request.Headers.Add("x-admin-key", target.AdminKey);
        if (body is not null) request.Content = JsonContent.Create(body);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.SendAsync(request, ct);
            text = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception ex)
        {
            m.CountHttp();
            m.Error($"{name}: {ex.GetType().Name}: {ex.Message}");
            throw new ConversationAborted(name);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        m.CountHttp();
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                m.Error($"{name}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                throw new ConversationAborted(name);
            }
        }
        m.Call(name).Add(elapsed);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
