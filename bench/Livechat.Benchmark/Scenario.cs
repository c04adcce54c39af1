using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Livechat.Benchmark;

/// <summary>The local server under test: where it listens, its admin key, its storage names and its process.</summary>
public sealed record ServerTarget(Uri BaseAddress, string AdminKey, string TablePrefix, string TaskHubName, int? ProcessId);

/// <summary>What one phase measured: latencies per call, realtime latencies, errors, counts.</summary>
public sealed class PhaseMetrics
{
    private int _errors, _lost;
    private long _httpCalls;

    public ConcurrentDictionary<string, Latencies> Calls { get; } = new();
    public ConcurrentDictionary<string, Latencies> Realtime { get; } = new();
    public ConcurrentQueue<string> ErrorSamples { get; } = new();
    public int Errors => _errors;
    public int LostReplies => _lost;
    public long HttpCalls => Interlocked.Read(ref _httpCalls);
    public long SignalRMessages;
    public long SignalRUnits;
    public long SignalRBytes;
    public int Conversations;
    public TimeSpan Elapsed;
    public ConcurrentBag<string> RoomIds { get; } = [];

    public Latencies Call(string name) => Calls.GetOrAdd(name, _ => new Latencies());
    public Latencies Live(string name) => Realtime.GetOrAdd(name, _ => new Latencies());
    public void CountHttp() => Interlocked.Increment(ref _httpCalls);

    public void Error(string what)
    {
        Interlocked.Increment(ref _errors);
        if (ErrorSamples.Count < 20) ErrorSamples.Enqueue(what);
    }

    public void Lost(string what)
    {
        Interlocked.Increment(ref _lost);
        if (ErrorSamples.Count < 20) ErrorSamples.Enqueue("lost: " + what);
    }

    public void Heard(EventInbox inbox)
    {
        Interlocked.Add(ref SignalRMessages, inbox.Count);
        Interlocked.Add(ref SignalRUnits, inbox.BilledUnits);
        Interlocked.Add(ref SignalRBytes, inbox.Bytes);
    }
}

/// <summary>A step failed: the conversation stops (the failure is already counted).</summary>
internal sealed class ConversationAborted(string message) : Exception(message);

/// <summary>
/// Drives the public API the way the widget and the agent console do, N conversations at once, and measures each
/// HTTP round trip and each realtime delivery. Bounded: every wait has a timeout, the phase has a deadline.
/// </summary>
public sealed class Scenario(ServerTarget target, HttpClient http, TimeSpan replyTimeout)
{
    public const string Names = "createSession,negotiate,setUserParams,setCustomField(user),setCustomField(room),openRoom,sendMessage,closeRoom";

    /// <summary>
    /// N visitors at once: session, realtime connection, setUserParams, setCustomField (user and room scope), open a
    /// room, K clicks on the welcome recipe's buttons (each waiting for the bot's answer over SignalR), close.
    /// </summary>
    public async Task<PhaseMetrics> RunBotPhaseAsync(int visitors, int exchanges, CancellationToken cancellationToken)
    {
        var metrics = new PhaseMetrics { Conversations = visitors };
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, visitors).Select(i => Task.Run(() => BotConversationAsync(i, exchanges, metrics, cancellationToken))));
        metrics.Elapsed = clock.Elapsed;
        return metrics;
    }

    private async Task BotConversationAsync(int i, int exchanges, PhaseMetrics m, CancellationToken ct)
    {
        EventInbox? inbox = null;
        try
        {
            var session = await CallAsync(m, "createSession", HttpMethod.Post, "api/v1/sessions", null, new { }, ct);
            var token = session.GetProperty("token").GetString()!;
            inbox = await ConnectAsync(m, "api/v1/negotiate", token, ct);
            await CallAsync(m, "setUserParams", HttpMethod.Put, "api/v1/session/params", token, new { name = $"Visitor {i}", email = $"visitor{i}@example.com" }, ct);
            await CallAsync(m, "setCustomField(user)", HttpMethod.Put, "api/v1/session/fields/plan", token, new { value = "pro" }, ct);
            await CallAsync(m, "setCustomField(room)", HttpMethod.Put, "api/v1/session/fields/orderId", token, new { value = $"order-{i}", scope = "room" }, ct);

            var opening = Stopwatch.GetTimestamp();
            var room = await CallAsync(m, "openRoom", HttpMethod.Post, "api/v1/rooms", token, null, ct);
            var roomId = room.GetProperty("roomId").GetString()!;
            m.RoomIds.Add(roomId);
            var menu = await inbox.WaitAsync(e => IsBot(e, roomId, "menu", 0), replyTimeout, ct)
                ?? throw Lost(m, $"greeting of {roomId}");
            m.Live("greeting (openRoom → menu)").Add(Stopwatch.GetElapsedTime(opening, menu.ReceivedAt));

            for (var e = 1; e <= exchanges; e++)
            {
                var button = e % 2 == 1 ? "pricing" : "support";
                var sent = Stopwatch.GetTimestamp();
                var posted = await CallAsync(m, "sendMessage", HttpMethod.Post, $"api/v1/rooms/{roomId}/messages", token,
                    new { clientMessageId = $"v{i}-{e}", buttonId = button, text = button == "pricing" ? "Pricing" : "Support" }, ct);
                var seq = posted.GetProperty("message").GetProperty("seq").GetInt64();
                var reply = await inbox.WaitAsync(ev => IsBot(ev, roomId, button, seq), replyTimeout, ct)
                    ?? throw Lost(m, $"bot reply {e} in {roomId}");
                m.Live("bot reply (send → reply over SignalR)").Add(Stopwatch.GetElapsedTime(sent, reply.ReceivedAt));
                // The recipe shows its menu again; the next click waits for it, as a visitor would.
                _ = await inbox.WaitAsync(ev => IsBot(ev, roomId, "menu", reply.Seq), replyTimeout, ct)
                    ?? throw Lost(m, $"menu after reply {e} in {roomId}");
            }

            await CallAsync(m, "closeRoom", HttpMethod.Post, $"api/v1/rooms/{roomId}/close", token, null, ct);
            if (await inbox.WaitAsync(ev => ev.Name == "chatEnded" && ev.Str("roomId") == roomId, replyTimeout, ct) is null)
                throw Lost(m, $"chatEnded of {roomId}");
        }
        catch (ConversationAborted)
        {
        }
        catch (Exception ex)
        {
            m.Error($"visitor {i}: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            if (inbox is not null)
            {
                m.Heard(inbox);
                await inbox.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// N rooms handed to agents (no orchestration on the live path): each room is opened, transferred with the admin
    /// API and claimed; then K times the visitor writes (measured until the agent's connection hears it) and the
    /// agent answers (measured until the visitor's connection hears it); the agent closes.
    /// </summary>
    public async Task<PhaseMetrics> RunAgentPhaseAsync(int rooms, int exchanges, CancellationToken cancellationToken)
    {
        var metrics = new PhaseMetrics { Conversations = rooms };
        var clock = Stopwatch.StartNew();
        var agentCount = Math.Max(1, (rooms + 24) / 25);
        var agents = new List<(string Token, string Department, EventInbox Inbox)>();
        try
        {
            for (var j = 0; j < agentCount; j++)
            {
                var department = $"bench{j}";
                var issued = await CallAsync(metrics, "issueAgentToken", HttpMethod.Post, "api/v1/admin/agents/token", null,
                    new { agentId = $"agent{j}", name = $"Agent {j}", departments = new[] { department } }, cancellationToken, admin: true);
                var token = issued.GetProperty("token").GetString()!;
                agents.Add((token, department, await ConnectAsync(metrics, "api/v1/agent/negotiate", token, cancellationToken)));
            }
            await Task.WhenAll(Enumerable.Range(0, rooms).Select(i => Task.Run(() => AgentConversationAsync(i, exchanges, agents[i % agentCount], metrics, cancellationToken))));
        }
        catch (ConversationAborted)
        {
        }
        catch (Exception ex)
        {
            metrics.Error($"agents: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            foreach (var agent in agents)
            {
                metrics.Heard(agent.Inbox);
                await agent.Inbox.DisposeAsync();
            }
        }
        metrics.Elapsed = clock.Elapsed;
        return metrics;
    }

    private async Task AgentConversationAsync(int i, int exchanges, (string Token, string Department, EventInbox Inbox) agent, PhaseMetrics m, CancellationToken ct)
    {
        EventInbox? inbox = null;
        try
        {
            var session = await CallAsync(m, "createSession", HttpMethod.Post, "api/v1/sessions", null, new { }, ct);
            var token = session.GetProperty("token").GetString()!;
            inbox = await ConnectAsync(m, "api/v1/negotiate", token, ct);
            var room = await CallAsync(m, "openRoom", HttpMethod.Post, "api/v1/rooms", token, null, ct);
            var roomId = room.GetProperty("roomId").GetString()!;
            m.RoomIds.Add(roomId);
            _ = await inbox.WaitAsync(e => IsBot(e, roomId, "menu", 0), replyTimeout, ct) ?? throw Lost(m, $"greeting of {roomId}");

            await CallAsync(m, "transfer (admin)", HttpMethod.Post, $"api/v1/admin/rooms/{roomId}/transfer", null, new { department = agent.Department }, ct, admin: true);
            await CallAsync(m, "claim (agent)", HttpMethod.Post, $"api/v1/agent/rooms/{roomId}/claim", agent.Token, null, ct);
            _ = await inbox.WaitAsync(e => e.Name == "agentJoined" && e.Str("roomId") == roomId, replyTimeout, ct) ?? throw Lost(m, $"agentJoined of {roomId}");

            for (var e = 1; e <= exchanges; e++)
            {
                var visitorMessageId = $"av{i}-{e}";
                var sent = Stopwatch.GetTimestamp();
                await CallAsync(m, "sendMessage (to agent)", HttpMethod.Post, $"api/v1/rooms/{roomId}/messages", token,
                    new { clientMessageId = visitorMessageId, text = $"Question {e} from visitor {i}" }, ct);
                var heard = await agent.Inbox.WaitAsync(ev => ev.Name == "message" && ev.Str("roomId") == roomId && ev.Str("clientMessageId") == visitorMessageId, replyTimeout, ct)
                    ?? throw Lost(m, $"visitor message {e} to the agent in {roomId}");
                m.Live("visitor → agent (send → agent hears it)").Add(Stopwatch.GetElapsedTime(sent, heard.ReceivedAt));

                var agentMessageId = $"aa{i}-{e}";
                var answered = Stopwatch.GetTimestamp();
                await CallAsync(m, "agent sendMessage", HttpMethod.Post, $"api/v1/agent/rooms/{roomId}/messages", agent.Token,
                    new { clientMessageId = agentMessageId, text = $"Answer {e}" }, ct);
                var delivered = await inbox.WaitAsync(ev => ev.Name == "message" && ev.Str("roomId") == roomId && ev.Str("sender") == "agent" && ev.Str("text") == $"Answer {e}", replyTimeout, ct)
                    ?? throw Lost(m, $"agent answer {e} to the visitor in {roomId}");
                m.Live("agent → visitor (send → visitor hears it)").Add(Stopwatch.GetElapsedTime(answered, delivered.ReceivedAt));
            }

            await CallAsync(m, "close (agent)", HttpMethod.Post, $"api/v1/agent/rooms/{roomId}/close", agent.Token, null, ct);
            if (await inbox.WaitAsync(ev => ev.Name == "chatEnded" && ev.Str("roomId") == roomId, replyTimeout, ct) is null)
                throw Lost(m, $"chatEnded of {roomId}");
        }
        catch (ConversationAborted)
        {
        }
        catch (Exception ex)
        {
            m.Error($"agent room {i}: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            if (inbox is not null)
            {
                m.Heard(inbox);
                await inbox.DisposeAsync();
            }
        }
    }

    private static bool IsBot(ReceivedEvent e, string roomId, string blockId, long afterSeq) =>
        e.Name == "message" && e.Str("roomId") == roomId && e.Str("sender") == "bot" && e.Str("blockId") == blockId && e.Seq > afterSeq;

    private static ConversationAborted Lost(PhaseMetrics m, string what)
    {
        m.Lost(what);
        return new ConversationAborted(what);
    }

    private async Task<EventInbox> ConnectAsync(PhaseMetrics m, string negotiatePath, string token, CancellationToken ct)
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
    private async Task<JsonElement> CallAsync(PhaseMetrics m, string name, HttpMethod method, string path, string? token, object? body, CancellationToken ct, bool admin = false)
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

    /// <summary>A client for many concurrent conversations: one connection pool, generous limits, loopback only.</summary>
    public static HttpClient CreateHttpClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        UseProxy = false,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
}
