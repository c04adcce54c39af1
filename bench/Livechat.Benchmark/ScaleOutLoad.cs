using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Livechat.Benchmark;

/// <summary>How many bot conversations the scale-out load runs, how, and how long a reply may take.</summary>
/// <param name="AddressOf">The <c>X-Forwarded-For</c> conversation i's calls carry (a front end's client address), or null.</param>
/// <param name="ThinkTime">How long a visitor reads the menu before the next click (none: at once).</param>
public sealed record ScaleOutOptions(int Conversations, int Clicks, int Concurrency, TimeSpan ReplyTimeout, Func<int, string?>? AddressOf = null, TimeSpan ThinkTime = default);

/// <summary>
/// What the scale-out load found: every conversation's transcript checked against what its visitor did. Lost: a
/// visitor message answered 2xx that is not stored, or a bot answer that never came; duplicated: a message stored
/// twice (a visitor resend stored again, a bot turn replayed on another instance and sent again).
/// </summary>
public sealed record ScaleOutOutcome(
    int Conversations,
    int Completed,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Duplicated,
    IReadOnlyList<string> Errors,
    int RealtimeMissed,
    int RealtimeDuplicated,
    int Retries,
    TimeSpan Elapsed,
    Percentiles Reply)
{
    public bool Clean => Completed == Conversations && Lost.Count == 0 && Duplicated.Count == 0 && Errors.Count == 0;

    public string Summary() =>
        $"{Completed} of {Conversations} conversations completed in {Elapsed.TotalSeconds:0.0} s; {Lost.Count} lost, {Duplicated.Count} duplicated, " +
        $"{Errors.Count} errors, {Retries} calls retried (front end 502/503); realtime: {RealtimeMissed} transcript messages not heard live, " +
        $"{RealtimeDuplicated} heard twice; bot reply p50 {Reply.P50:0} ms, p99 {Reply.P99:0} ms" +
        string.Concat(Lost.Concat(Duplicated).Concat(Errors).Take(10).Select(x => "\n  " + x));
}

/// <summary>
/// Bot conversations through a front end over several instances (tests/Livechat.LocalStack's RoundRobinProxy), as
/// the widget runs them: a session, a realtime connection, a room, the greeting, button clicks each answered by the
/// bot, the close; calls cut off by an instance that died are resent with the same client message id, as the
/// widget resends. A reply is waited for on the realtime connection and, every two seconds, in the transcript: an
/// instance killed after storing a message but before sending it leaves it to the transcript.
/// </summary>
public sealed class ScaleOutLoad(Uri frontEnd, ScaleOutOptions options)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private readonly ConcurrentQueue<string> _lost = new(), _duplicated = new(), _errors = new();
    private readonly Latencies _replies = new();
    private int _completed, _retries, _realtimeMissed, _realtimeDuplicated, _repliesHeard;

    /// <summary>Bot answers heard so far, over all conversations: what a test waits on before it kills an instance.</summary>
    public int RepliesHeard => Volatile.Read(ref _repliesHeard);

    public async Task<ScaleOutOutcome> RunAsync(CancellationToken cancellationToken)
    {
        using var http = MeasuredApi.CreateHttpClient(frontEnd);
        using var gate = new SemaphoreSlim(options.Concurrency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.Conversations).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await ConverseAsync(http, i, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _errors.Enqueue($"conversation {i}: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                gate.Release();
            }
        }));
        return new ScaleOutOutcome(options.Conversations, _completed, [.. _lost], [.. _duplicated], [.. _errors], _realtimeMissed,
            _realtimeDuplicated, _retries, Stopwatch.GetElapsedTime(started), _replies.Summarize());
    }

    /// <summary>
    /// Runs the load and, once <paramref name="replies"/> bot answers have been heard, <paramref name="meanwhile"/> (a
    /// host killed or started) while the conversations go on; their outcome once both are done.
    /// </summary>
    public async Task<ScaleOutOutcome> RunAsync(int replies, Func<Task> meanwhile, CancellationToken cancellationToken)
    {
        var running = RunAsync(cancellationToken);
        try
        {
            while (RepliesHeard < replies && !running.IsCompleted) await Task.Delay(100, cancellationToken);
            await meanwhile();
        }
        catch
        {
            // The conversations still hold the instances: let them finish before the caller cleans up.
            await running.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        return await running;
    }

    private async Task ConverseAsync(HttpClient http, int i, CancellationToken ct)
    {
        var address = options.AddressOf?.Invoke(i);
        var session = await CallAsync(http, HttpMethod.Post, "api/v1/sessions", null, address, new { }, ct);
        var token = session.GetProperty("token").GetString()!;
        var negotiated = await CallAsync(http, HttpMethod.Post, "api/v1/negotiate", token, address, null, ct);
        await using var inbox = await EventInbox.ConnectAsync(negotiated.GetProperty("url").GetString()!, negotiated.GetProperty("accessToken").GetString()!, ct);
        var opened = await CallAsync(http, HttpMethod.Post, "api/v1/rooms", token, address, null, ct);
        var roomId = opened.GetProperty("roomId").GetString()!;
        if (await WaitForBotAsync(http, inbox, token, address, roomId, "menu", 0, ct) is null)
        {
            _lost.Enqueue($"{roomId}: no greeting");
            return;
        }
        for (var k = 1; k <= options.Clicks; k++)
        {
            if (options.ThinkTime > TimeSpan.Zero) await Task.Delay(options.ThinkTime, ct);
            var button = k % 2 == 1 ? "pricing" : "support";
            var sent = Stopwatch.GetTimestamp();
            var posted = await CallAsync(http, HttpMethod.Post, $"api/v1/rooms/{roomId}/messages", token, address,
                new { clientMessageId = $"s{i}-{k}", buttonId = button, text = button == "pricing" ? "Pricing" : "Support" }, ct);
            var seq = posted.GetProperty("message").GetProperty("seq").GetInt64();
            var reply = await WaitForBotAsync(http, inbox, token, address, roomId, button, seq, ct);
            if (reply is null)
            {
                _lost.Enqueue($"{roomId}: no answer to click {k} (seq {seq})");
                return;
            }
            _replies.Add(Stopwatch.GetElapsedTime(sent));
            Interlocked.Increment(ref _repliesHeard);
            if (await WaitForBotAsync(http, inbox, token, address, roomId, "menu", reply.Value, ct) is null)
            {
                _lost.Enqueue($"{roomId}: no menu after click {k}");
                return;
            }
        }
        await CallAsync(http, HttpMethod.Post, $"api/v1/rooms/{roomId}/close", token, address, null, ct);
        await CheckAsync(http, inbox, token, address, roomId, i, ct);
        Interlocked.Increment(ref _completed);
    }

    /// <summary>The stored transcript against what the visitor did, and what the realtime connection heard of it.</summary>
    private async Task CheckAsync(HttpClient http, EventInbox inbox, string token, string? address, string roomId, int i, CancellationToken ct)
    {
        var messages = (await CallAsync(http, HttpMethod.Get, $"api/v1/rooms/{roomId}/messages", token, address, null, ct)).GetProperty("messages")
            .EnumerateArray().Select(m => (Seq: m.GetProperty("seq").GetInt64(), Sender: m.GetProperty("sender").GetString(),
                Block: m.TryGetProperty("blockId", out var b) ? b.GetString() : null,
                Client: m.TryGetProperty("clientMessageId", out var c) ? c.GetString() : null)).ToList();
        for (var k = 1; k <= options.Clicks; k++)
        {
            var stored = messages.Count(m => m.Sender == "visitor" && m.Client == $"s{i}-{k}");
            if (stored == 0) _lost.Enqueue($"{roomId}: visitor message s{i}-{k} answered but not stored");
            if (stored > 1) _duplicated.Enqueue($"{roomId}: visitor message s{i}-{k} stored {stored} times");
        }
        var expected = new Dictionary<string, int>
        {
            ["greet"] = 1,
            ["menu"] = options.Clicks + 1,
            ["pricing"] = (options.Clicks + 1) / 2,
            ["support"] = options.Clicks / 2,
        };
        foreach (var (block, count) in expected)
        {
            var stored = messages.Count(m => m.Sender == "bot" && m.Block == block);
            if (stored > count) _duplicated.Enqueue($"{roomId}: bot block {block} stored {stored} times, {count} expected");
            if (stored < count) _lost.Enqueue($"{roomId}: bot block {block} stored {stored} times, {count} expected");
        }
        if (messages.Select(m => m.Seq).Distinct().Count() != messages.Count)
            _duplicated.Enqueue($"{roomId}: a seq is stored twice: {string.Join(",", messages.Select(m => m.Seq))}");

        // The realtime connection: what the room's messages were heard as, once the close was heard (its last event).
        await inbox.WaitAsync(e => e.Name == "chatEnded" && e.Str("roomId") == roomId, TimeSpan.FromSeconds(10), ct);
        var heard = new Dictionary<long, int>();
        await inbox.WaitAsync(e =>
        {
            if (e.Name == "message" && e.Str("roomId") == roomId) heard[e.Seq] = heard.GetValueOrDefault(e.Seq) + 1;
            return false;
        }, TimeSpan.Zero, ct);
        Interlocked.Add(ref _realtimeMissed, messages.Count(m => !heard.ContainsKey(m.Seq)));
        Interlocked.Add(ref _realtimeDuplicated, heard.Values.Count(n => n > 1));
    }

    /// <summary>The seq of the bot message of <paramref name="block"/> after <paramref name="afterSeq"/>, heard live or read from the transcript; null after the reply timeout.</summary>
    private async Task<long?> WaitForBotAsync(HttpClient http, EventInbox inbox, string token, string? address, string roomId, string block, long afterSeq, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var live = await inbox.WaitAsync(e => e.Name == "message" && e.Str("roomId") == roomId && e.Str("sender") == "bot" && e.Str("blockId") == block && e.Seq > afterSeq, Poll, ct);
            if (live is not null) return live.Seq;
            var transcript = await CallAsync(http, HttpMethod.Get, $"api/v1/rooms/{roomId}/messages", token, address, null, ct);
            foreach (var m in transcript.GetProperty("messages").EnumerateArray())
                if (m.GetProperty("sender").GetString() == "bot" && m.TryGetProperty("blockId", out var b) && b.GetString() == block && m.GetProperty("seq").GetInt64() > afterSeq)
                    return m.GetProperty("seq").GetInt64();
            if (Stopwatch.GetTimestamp() > deadline) return null;
        }
    }

    /// <summary>
    /// One call; a 502 or 503 (the front end lost the instance, or storage was briefly busy) or a cut connection is
    /// sent again, unchanged, for up to the reply timeout: every call here may be resent (a message carries its
    /// client id, opening returns the room already open, closing an ended room is a no-op).
    /// </summary>
    private async Task<JsonElement> CallAsync(HttpClient http, HttpMethod method, string path, string? token, string? address, object? body, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (address is not null) request.Headers.Add("X-Forwarded-For", address);
            if (body is not null) request.Content = JsonContent.Create(body);
            HttpStatusCode status;
            string text;
            try
            {
                using var response = await http.SendAsync(request, ct);
                status = response.StatusCode;
                text = await response.Content.ReadAsStringAsync(ct);
            }
            catch (HttpRequestException) when (Stopwatch.GetTimestamp() < deadline)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(500, ct);
                continue;
            }
            if ((int)status is >= 200 and < 300) return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            if (status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable && Stopwatch.GetTimestamp() < deadline)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(500, ct);
                continue;
            }
            throw new HttpRequestException($"{method} {path}: {(int)status} {text[..Math.Min(200, text.Length)]}");
        }
    }
}
