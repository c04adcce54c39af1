using System.Collections.Concurrent;

namespace Livechat.Benchmark;

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
