using Microsoft.AspNetCore.SignalR.Client;
using System.Diagnostics;
using System.Text.Json;

namespace Livechat.Benchmark;

/// <summary>One realtime event as received: name, payload, when (Stopwatch ticks) and its approximate frame size.</summary>
public sealed record ReceivedEvent(string Name, JsonElement Payload, long ReceivedAt, int FrameBytes)
{
    public string? Str(string property) =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public long Seq => Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("seq", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
}

/// <summary>
/// A hub connection that records every event it hears, with the receive time taken in the handler (so a latency
/// does not include the time a waiting task needs to wake up), and lets callers wait for an event.
/// </summary>
public sealed class EventInbox : IAsyncDisposable
{
    public static readonly string[] EventNames = ["message", "chatStarted", "chatEnded", "logoutComplete", "agentJoined", "typing", "roomWaiting", "roomClaimed"];

    private readonly List<ReceivedEvent> _events = [];
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _connection;

    public static async Task<EventInbox> ConnectAsync(string url, string accessToken, CancellationToken cancellationToken)
    {
        var inbox = new EventInbox();
        var connection = new HubConnectionBuilder()
            .WithUrl(url, o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        foreach (var name in EventNames)
            connection.On<JsonElement>(name, payload => inbox.Add(name, payload));
        inbox._connection = connection;
        await connection.StartAsync(cancellationToken);
        return inbox;
    }

    /// <summary>Events heard so far.</summary>
    public int Count { get { lock (_gate) return _events.Count; } }

    /// <summary>Events heard, in 2 KB units as Azure SignalR Service bills them.</summary>
    public int BilledUnits { get { lock (_gate) return _events.Sum(e => (e.FrameBytes + 2047) / 2048); } }

    public long Bytes { get { lock (_gate) return _events.Sum(e => (long)e.FrameBytes); } }

    private void Add(string name, JsonElement payload)
    {
        var at = Stopwatch.GetTimestamp();
        // The JSON hub protocol frame: {"type":1,"target":"<name>","arguments":[<payload>]} and a record separator.
        var frame = payload.GetRawText().Length + name.Length + 40;
        TaskCompletionSource changed;
        lock (_gate)
        {
            _events.Add(new ReceivedEvent(name, payload.Clone(), at, frame));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>The first event (already heard or still to come) matching <paramref name="match"/>, or null after the timeout.</summary>
    public async Task<ReceivedEvent?> WaitAsync(Func<ReceivedEvent, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var scanned = 0;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (; scanned < _events.Count; scanned++)
                    if (match(_events[scanned])) return _events[scanned];
                changed = _changed.Task;
            }
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero) return null;
            try { await changed.WaitAsync(left, cancellationToken); }
            catch (TimeoutException) { }
            catch (OperationCanceledException) { return null; }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
