using Livechat.LocalStack;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Livechat.Benchmark;

/// <summary>The app under test: where it listens, its admin key and its storage names.</summary>
public sealed record ServerTarget(Uri BaseAddress, string AdminKey, string TablePrefix, string TaskHubName)
{
    public static ServerTarget Of(FunctionsHost host) => new(host.BaseAddress, host.AdminKey, host.TablePrefix, host.TaskHubName);
}

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

    /// <summary>Conversations (or rooms) that ran to their end with every call answered and every event heard.</summary>
    public int Completed => _completed;

    /// <summary>Bot phase: starts spread evenly over this window (zero: all at once); each visitor runs <see cref="Repeats"/> conversations in sequence.</summary>
    public TimeSpan ArrivalWindow;
    public int Visitors;
    public int Repeats = 1;

    /// <summary>Phases with a setup that is not the measured load (agent rooms, saturation rooms): its wall time and its concurrency.</summary>
    public TimeSpan SetupElapsed;
    public int SetupConcurrency;

    /// <summary>The measured part: its wall time, and (paced agent phase) the interval between a room's messages.</summary>
    public TimeSpan MeasuredElapsed;
    public TimeSpan PaceInterval;
    public int ReadyRooms;
    private int _completed, _lateSends;

    /// <summary>Paced sends that started more than 100 ms after their slot because the room's previous exchange overran it.</summary>
    public int LateSends => _lateSends;

    public void Complete() => Interlocked.Increment(ref _completed);
    public void Late() => Interlocked.Increment(ref _lateSends);

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

    /// <summary>Counts what a connection heard (the SignalR messages a conversation costs) and closes it.</summary>
    public async ValueTask HeardAndCloseAsync(EventInbox inbox)
    {
        Interlocked.Add(ref SignalRMessages, inbox.Count);
        Interlocked.Add(ref SignalRUnits, inbox.BilledUnits);
        Interlocked.Add(ref SignalRBytes, inbox.Bytes);
        await inbox.DisposeAsync();
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
    /// <summary>The pause between one visitor's conversations in sequence (N = 1).</summary>
    public static readonly TimeSpan RepeatPause = TimeSpan.FromSeconds(1);

    public const string Names = "createSession,negotiate,setUserParams,setCustomField(user),setCustomField(room),openRoom,sendMessage,closeRoom";

    public const string BotReply = "bot reply (send → reply over SignalR)";
    public const string SaturatedReply = "bot reply at saturation (send → reply over SignalR)";
    public const string VisitorToAgent = "visitor → agent (send → agent hears it)";
    public const string AgentToVisitor = "agent → visitor (send → visitor hears it)";

    /// <summary>A visitor's open room: its session token, its realtime connection and the room.</summary>
    private sealed record VisitorRoom(int Index, string Token, EventInbox Inbox, string RoomId);

    /// <summary>An agent: its token, the department its rooms are transferred to, its realtime connection.</summary>
    private sealed record Agent(string Token, string Department, EventInbox Inbox);

    /// <summary>
    /// N visitors: session, realtime connection, setUserParams, setCustomField (user and room scope), open a room, K
    /// clicks on the welcome recipe's buttons (each waiting for the bot's answer over SignalR), close. The visitors'
    /// starts are spread evenly over <paramref name="arrivalWindow"/> (zero: all at once); each visitor runs
    /// <paramref name="repeats"/> conversations one after the other (so N = 1 has enough samples for percentiles).
    /// </summary>
    public async Task<PhaseMetrics> RunBotPhaseAsync(int visitors, int exchanges, TimeSpan arrivalWindow, int repeats, CancellationToken cancellationToken)
    {
        var metrics = new PhaseMetrics { Conversations = visitors * repeats, Visitors = visitors, Repeats = repeats, ArrivalWindow = arrivalWindow };
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, visitors).Select(i => Task.Run(async () =>
        {
            var arrival = arrivalWindow * i / visitors - clock.Elapsed;
            if (arrival > TimeSpan.Zero && !await DelayAsync(arrival, cancellationToken))
            {
                metrics.Error($"visitor {i}: the phase ended before its arrival");
                return;
            }
            for (var r = 0; r < repeats; r++)
            {
                // One visitor does not open a new chat the instant the last one closed: without the pause, each
                // conversation's first calls would meet the previous one's closing work, and N = 1 would not be one.
                if (r > 0 && !await DelayAsync(RepeatPause, cancellationToken)) return;
                await BotConversationAsync(i * repeats + r, exchanges, metrics, null, cancellationToken);
            }
        })));
        metrics.Elapsed = clock.Elapsed;
        metrics.MeasuredElapsed = clock.Elapsed;
        return metrics;
    }

    /// <summary>
    /// One bot conversation with K clicks, as in the bot phase, calling <paramref name="afterExchange"/> (room id,
    /// exchange) after each reply and menu arrived; for the history phase, which may go to K = 1,000.
    /// </summary>
    public async Task<PhaseMetrics> RunLongBotConversationAsync(int index, int exchanges, Func<string, int, CancellationToken, Task> afterExchange, CancellationToken cancellationToken)
    {
        var metrics = new PhaseMetrics { Conversations = 1, Visitors = 1 };
        var clock = Stopwatch.StartNew();
        await BotConversationAsync(index, exchanges, metrics, afterExchange, cancellationToken);
        metrics.Elapsed = metrics.MeasuredElapsed = clock.Elapsed;
        return metrics;
    }

    private async Task BotConversationAsync(int i, int exchanges, PhaseMetrics m, Func<string, int, CancellationToken, Task>? afterExchange, CancellationToken ct)
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

            var room = await OpenBotRoomAsync(m, i, token, inbox, "greeting (openRoom → menu)", ct);
            for (var e = 1; e <= exchanges; e++)
            {
                await ClickAsync(m, room, e, BotReply, ct);
                if (afterExchange is not null) await afterExchange(room.RoomId, e, ct);
            }
            await CloseBotRoomAsync(m, room, ct);
            m.Complete();
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
                await m.HeardAndCloseAsync(inbox);
            }
        }
    }

    /// <summary>Opens a room and waits for the welcome recipe's greeting (its menu).</summary>
    private async Task<VisitorRoom> OpenBotRoomAsync(PhaseMetrics m, int i, string token, EventInbox inbox, string? greetingLabel, CancellationToken ct)
    {
        var opening = Stopwatch.GetTimestamp();
        var opened = await CallAsync(m, "openRoom", HttpMethod.Post, "api/v1/rooms", token, null, ct);
        var roomId = opened.GetProperty("roomId").GetString()!;
        m.RoomIds.Add(roomId);
        var menu = await inbox.WaitAsync(e => IsBot(e, roomId, "menu", 0), replyTimeout, ct)
            ?? throw Lost(m, $"greeting of {roomId}");
        if (greetingLabel is not null) m.Live(greetingLabel).Add(Stopwatch.GetElapsedTime(opening, menu.ReceivedAt));
        return new VisitorRoom(i, token, inbox, roomId);
    }

    /// <summary>One click on a menu button: measured until the bot's answer is heard; then waits for the menu that follows.</summary>
    private async Task ClickAsync(PhaseMetrics m, VisitorRoom room, int e, string label, CancellationToken ct)
    {
        var button = e % 2 == 1 ? "pricing" : "support";
        var sent = Stopwatch.GetTimestamp();
        var posted = await CallAsync(m, "sendMessage", HttpMethod.Post, $"api/v1/rooms/{room.RoomId}/messages", room.Token,
            new { clientMessageId = $"v{room.Index}-{e}", buttonId = button, text = button == "pricing" ? "Pricing" : "Support" }, ct);
        var seq = posted.GetProperty("message").GetProperty("seq").GetInt64();
        var reply = await room.Inbox.WaitAsync(ev => IsBot(ev, room.RoomId, button, seq), replyTimeout, ct)
            ?? throw Lost(m, $"bot reply {e} in {room.RoomId}");
        m.Live(label).Add(Stopwatch.GetElapsedTime(sent, reply.ReceivedAt));
        // The recipe shows its menu again; the next click waits for it, as a visitor would.
        _ = await room.Inbox.WaitAsync(ev => IsBot(ev, room.RoomId, "menu", reply.Seq), replyTimeout, ct)
            ?? throw Lost(m, $"menu after reply {e} in {room.RoomId}");
    }

    private async Task CloseBotRoomAsync(PhaseMetrics m, VisitorRoom room, CancellationToken ct)
    {
        await CallAsync(m, "closeRoom", HttpMethod.Post, $"api/v1/rooms/{room.RoomId}/close", room.Token, null, ct);
        if (await room.Inbox.WaitAsync(ev => ev.Name == "chatEnded" && ev.Str("roomId") == room.RoomId, replyTimeout, ct) is null)
            throw Lost(m, $"chatEnded of {room.RoomId}");
    }

    /// <summary>
    /// The bot at saturation, comparable with the saturated orchestration echo: S rooms are opened and greeted first
    /// (setup, <paramref name="setupConcurrency"/> at a time, not measured); then all rooms at once click a button
    /// and wait for the reply and the menu that follows, M times each (a closed loop); then the rooms are closed.
    /// Bot replies per second = replies heard ÷ the wall time of that loop.
    /// </summary>
    public async Task<PhaseMetrics> RunBotSaturationAsync(int rooms, int clicks, int setupConcurrency, CancellationToken cancellationToken)
    {
        var metrics = new PhaseMetrics { Conversations = rooms, Visitors = rooms, SetupConcurrency = setupConcurrency };
        var clock = Stopwatch.StartNew();
        var inboxes = new ConcurrentBag<EventInbox>();
        try
        {
            var ready = await BoundedAsync(rooms, setupConcurrency, async i =>
            {
                var session = await CallAsync(metrics, "createSession", HttpMethod.Post, "api/v1/sessions", null, new { }, cancellationToken);
                var token = session.GetProperty("token").GetString()!;
                var inbox = await ConnectAsync(metrics, "api/v1/negotiate", token, cancellationToken);
                inboxes.Add(inbox);
                return await OpenBotRoomAsync(metrics, 100_000 + i, token, inbox, "greeting (setup)", cancellationToken);
            }, metrics, "saturation room", cancellationToken);
            metrics.SetupElapsed = clock.Elapsed;
            metrics.ReadyRooms = ready.Count;

            var loop = Stopwatch.StartNew();
            var done = await Task.WhenAll(ready.Select(room => Task.Run(async () =>
            {
                try
                {
                    for (var e = 1; e <= clicks; e++) await ClickAsync(metrics, room, e, SaturatedReply, cancellationToken);
                    return true;
                }
                catch (ConversationAborted) { return false; }
                catch (Exception ex) { metrics.Error($"saturation room {room.Index}: {ex.GetType().Name}: {ex.Message}"); return false; }
            })));
            metrics.MeasuredElapsed = loop.Elapsed;

            // Teardown: close the rooms that finished, bounded like the setup.
            var finished = ready.Where((_, k) => done[k]).ToList();
            await BoundedAsync(finished.Count, setupConcurrency, async k =>
            {
                await CloseBotRoomAsync(metrics, finished[k], cancellationToken);
                metrics.Complete();
                return true;
            }, metrics, "saturation close", cancellationToken);
        }
        catch (Exception ex)
        {
            metrics.Error($"saturation: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            foreach (var inbox in inboxes)
            {
                await metrics.HeardAndCloseAsync(inbox);
            }
        }
        metrics.Elapsed = clock.Elapsed;
        return metrics;
    }

    /// <summary>
    /// N rooms handed to agents (no orchestration on the live path). Setup (recorded, but not the measured load):
    /// each room is opened, greeted, transferred with the admin API and claimed, <paramref name="setupConcurrency"/>
    /// rooms at a time. Then the measured load: each room, from a random offset within the first interval, sends K
    /// visitor messages one <paramref name="interval"/> apart (N ÷ interval messages a second overall); each is
    /// measured until the agent's connection hears it, and the agent answers (measured until the visitor's
    /// connection hears it). Then the agent closes the rooms (teardown, bounded the same way).
    /// </summary>
    public async Task<PhaseMetrics> RunAgentPhaseAsync(int rooms, int exchanges, TimeSpan interval, int setupConcurrency, CancellationToken cancellationToken)
    {
        var metrics = new PhaseMetrics { Conversations = rooms, Visitors = rooms, PaceInterval = interval, SetupConcurrency = setupConcurrency };
        var clock = Stopwatch.StartNew();
        var agentCount = Math.Max(1, (rooms + 24) / 25);
        var agents = new List<Agent>();
        var inboxes = new ConcurrentBag<EventInbox>();
        try
        {
            for (var j = 0; j < agentCount; j++)
            {
                var department = $"bench{j}";
                var issued = await CallAsync(metrics, "issueAgentToken", HttpMethod.Post, "api/v1/admin/agents/token", null,
                    new { agentId = $"agent{j}", name = $"Agent {j}", departments = new[] { department } }, cancellationToken, admin: true);
                var token = issued.GetProperty("token").GetString()!;
                agents.Add(new Agent(token, department, await ConnectAsync(metrics, "api/v1/agent/negotiate", token, cancellationToken)));
            }

            var ready = await BoundedAsync(rooms, setupConcurrency, async i =>
            {
                var agent = agents[i % agentCount];
                var session = await CallAsync(metrics, "createSession", HttpMethod.Post, "api/v1/sessions", null, new { }, cancellationToken);
                var token = session.GetProperty("token").GetString()!;
                var inbox = await ConnectAsync(metrics, "api/v1/negotiate", token, cancellationToken);
                inboxes.Add(inbox);
                var room = await OpenBotRoomAsync(metrics, i, token, inbox, null, cancellationToken);
                await CallAsync(metrics, "transfer (admin)", HttpMethod.Post, $"api/v1/admin/rooms/{room.RoomId}/transfer", null, new { department = agent.Department }, cancellationToken, admin: true);
                await CallAsync(metrics, "claim (agent)", HttpMethod.Post, $"api/v1/agent/rooms/{room.RoomId}/claim", agent.Token, null, cancellationToken);
                _ = await inbox.WaitAsync(e => e.Name == "agentJoined" && e.Str("roomId") == room.RoomId, replyTimeout, cancellationToken)
                    ?? throw Lost(metrics, $"agentJoined of {room.RoomId}");
                return (Room: room, Agent: agent);
            }, metrics, "agent room", cancellationToken);
            metrics.SetupElapsed = clock.Elapsed;
            metrics.ReadyRooms = ready.Count;

            // The measured load: one visitor message per room per interval, rooms starting at random offsets.
            var random = new Random(rooms);
            var offsets = ready.Select(_ => interval * random.NextDouble()).ToList();
            var paced = Stopwatch.StartNew();
            var done = await Task.WhenAll(ready.Select((r, k) => Task.Run(() => PacedExchangesAsync(metrics, r.Room, r.Agent, exchanges, interval, offsets[k], paced, cancellationToken))));
            metrics.MeasuredElapsed = paced.Elapsed;

            var finished = ready.Where((_, k) => done[k]).ToList();
            await BoundedAsync(finished.Count, setupConcurrency, async k =>
            {
                var (room, agent) = finished[k];
                await CallAsync(metrics, "close (agent)", HttpMethod.Post, $"api/v1/agent/rooms/{room.RoomId}/close", agent.Token, null, cancellationToken);
                if (await room.Inbox.WaitAsync(ev => ev.Name == "chatEnded" && ev.Str("roomId") == room.RoomId, replyTimeout, cancellationToken) is null)
                    throw Lost(metrics, $"chatEnded of {room.RoomId}");
                metrics.Complete();
                return true;
            }, metrics, "agent close", cancellationToken);
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
            foreach (var inbox in inboxes)
            {
                await metrics.HeardAndCloseAsync(inbox);
            }
            foreach (var agent in agents)
            {
                await metrics.HeardAndCloseAsync(agent.Inbox);
            }
        }
        metrics.Elapsed = clock.Elapsed;
        return metrics;
    }

    /// <summary>One room's paced exchanges: message e goes at offset + (e − 1) × interval from the paced start.</summary>
    private async Task<bool> PacedExchangesAsync(PhaseMetrics m, VisitorRoom room, Agent agent, int exchanges, TimeSpan interval, TimeSpan offset, Stopwatch paced, CancellationToken ct)
    {
        try
        {
            for (var e = 1; e <= exchanges; e++)
            {
                var wait = offset + interval * (e - 1) - paced.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    if (!await DelayAsync(wait, ct)) throw Lost(m, $"visitor message {e} in {room.RoomId}: the phase ended before its slot");
                }
                else if (wait < TimeSpan.FromMilliseconds(-100)) m.Late();

                var visitorMessageId = $"av{room.Index}-{e}";
                var sent = Stopwatch.GetTimestamp();
                await CallAsync(m, "sendMessage (to agent)", HttpMethod.Post, $"api/v1/rooms/{room.RoomId}/messages", room.Token,
                    new { clientMessageId = visitorMessageId, text = $"Question {e} from visitor {room.Index}" }, ct);
                var heard = await agent.Inbox.WaitAsync(ev => ev.Name == "message" && ev.Str("roomId") == room.RoomId && ev.Str("clientMessageId") == visitorMessageId, replyTimeout, ct)
                    ?? throw Lost(m, $"visitor message {e} to the agent in {room.RoomId}");
                m.Live(VisitorToAgent).Add(Stopwatch.GetElapsedTime(sent, heard.ReceivedAt));

                var agentMessageId = $"aa{room.Index}-{e}";
                var answered = Stopwatch.GetTimestamp();
                await CallAsync(m, "agent sendMessage", HttpMethod.Post, $"api/v1/agent/rooms/{room.RoomId}/messages", agent.Token,
                    new { clientMessageId = agentMessageId, text = $"Answer {e}" }, ct);
                var delivered = await room.Inbox.WaitAsync(ev => ev.Name == "message" && ev.Str("roomId") == room.RoomId && ev.Str("sender") == "agent" && ev.Str("text") == $"Answer {e}", replyTimeout, ct)
                    ?? throw Lost(m, $"agent answer {e} to the visitor in {room.RoomId}");
                m.Live(AgentToVisitor).Add(Stopwatch.GetElapsedTime(answered, delivered.ReceivedAt));
            }
            return true;
        }
        catch (ConversationAborted)
        {
            return false;
        }
        catch (Exception ex)
        {
            m.Error($"agent room {room.Index}: {ex.GetType().Name}: {ex.Message}");
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="count"/> steps, at most <paramref name="concurrency"/> at a time; a step that fails is
    /// counted (already, or here) and left out of the result, which keeps the others in index order.
    /// </summary>
    private static async Task<List<T>> BoundedAsync<T>(int count, int concurrency, Func<int, Task<T>> step, PhaseMetrics m, string what, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, concurrency));
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            try { await gate.WaitAsync(ct); }
            catch (OperationCanceledException)
            {
                m.Error($"{what} {i}: the phase ended before its turn");
                return (Ok: false, Value: default(T)!);
            }
            try
            {
                return (Ok: true, Value: await step(i));
            }
            catch (ConversationAborted)
            {
                return (Ok: false, Value: default(T)!);
            }
            catch (Exception ex)
            {
                m.Error($"{what} {i}: {ex.GetType().Name}: {ex.Message}");
                return (Ok: false, Value: default(T)!);
            }
            finally
            {
                gate.Release();
            }
        })));
        return [.. results.Where(r => r.Ok).Select(r => r.Value)];
    }

    /// <summary>Waits; false when the phase's deadline came first.</summary>
    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
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
