using System.Diagnostics;

namespace Livechat.Benchmark;

/// <summary>What to run. The defaults are the documented run; <see cref="Smoke"/> is the CI check.</summary>
public sealed record BenchmarkOptions
{
    public IReadOnlyList<int> Visitors { get; init; } = [1, 50];
    public int Exchanges { get; init; } = 3;
    public bool Agents { get; init; } = true;
    public int FloorSamples { get; init; } = 200;
    public int EchoSingleEvents { get; init; } = 40;
    public int EchoInstances { get; init; } = 32;
    public int EchoEventsPerInstance { get; init; } = 8;
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan PhaseTimeout { get; init; } = TimeSpan.FromMinutes(4);
    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(5);
    public int HistorySample { get; init; } = 50;

    /// <summary>N = 5, K = 3, small floors: a check that every path works, in well under a minute.</summary>
    public static BenchmarkOptions Smoke { get; } = new()
    {
        Visitors = [5],
        Exchanges = 3,
        FloorSamples = 30,
        EchoSingleEvents = 5,
        EchoInstances = 4,
        EchoEventsPerInstance = 4,
        ReplyTimeout = TimeSpan.FromSeconds(20),
        PhaseTimeout = TimeSpan.FromSeconds(45),
        IdleWindow = TimeSpan.FromSeconds(2),
        HistorySample = 5,
    };
}

/// <summary>One load level: N conversations with the bot, then N rooms with agents, on a fresh server.</summary>
public sealed record LevelResult(
    int N,
    int Exchanges,
    PhaseMetrics Bot,
    PhaseMetrics? Agent,
    StorageCounts BotStorage,
    StorageCounts AgentStorage,
    IReadOnlyDictionary<string, double> IdleStoragePerSecond,
    HistoryCounts BotHistory,
    HistoryCounts AgentHistory,
    long? PeakMemoryBytes)
{
    public int Errors => Bot.Errors + Bot.LostReplies + (Agent?.Errors ?? 0) + (Agent?.LostReplies ?? 0);

    /// <summary>A phase's storage requests with the idle background (queue polling, lease renewal) taken out.</summary>
    public IReadOnlyDictionary<string, double> NetStorage(StorageCounts counts, TimeSpan elapsed) =>
        counts.ByLabel.ToDictionary(kv => kv.Key, kv => Math.Max(0, kv.Value - IdleStoragePerSecond.GetValueOrDefault(kv.Key) * elapsed.TotalSeconds));
}

public sealed record BenchmarkResult(BenchmarkOptions Options, FloorResults Floors, IReadOnlyList<LevelResult> Levels, DateTimeOffset StartedAt, TimeSpan Elapsed)
{
    public int Errors => Levels.Sum(l => l.Errors) + Floors.EchoErrors;
}

/// <summary>The benchmark: floors, then each load level on its own fresh server process.</summary>
public static class BenchmarkRun
{
    /// <param name="startServer">Starts a fresh server whose storage goes through <paramref name="proxies"/>.</param>
    public static async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, StorageProxies proxies, Func<CancellationToken, Task<IServerLease>> startServer, TextWriter log, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var direct = proxies.Direct.ConnectionString;
        var levels = new List<LevelResult>();
        FloorResults? floors = null;

        foreach (var n in options.Visitors)
        {
            log.WriteLine($"N = {n}: starting a fresh server");
            await using var server = await startServer(cancellationToken);
            var target = server.Target;
            using var http = Scenario.CreateHttpClient(target.BaseAddress);
            // A reply later than this counts as lost; a burst of N waits behind the others, so the bound grows with N.
            var replyTimeout = TimeSpan.FromSeconds(Math.Max(options.ReplyTimeout.TotalSeconds, Math.Min(n * 0.25, options.PhaseTimeout.TotalSeconds / 2)));
            var scenario = new Scenario(target, http, replyTimeout);

            if (floors is null)
            {
                log.WriteLine("floors: table upsert, HTTP round trip, orchestration echo");
                var table = await Floors.TableUpsertAsync(direct, options.FloorSamples, cancellationToken);
                var httpFloor = await Floors.HttpRoundTripAsync(http, options.FloorSamples, cancellationToken);
                var echo = await Floors.OrchestrationEchoAsync(direct, options.EchoSingleEvents, options.EchoInstances, options.EchoEventsPerInstance, cancellationToken);
                floors = new FloorResults(table, httpFloor, echo.Single, echo.Saturated, echo.EventsPerSecond, options.EchoInstances, echo.Errors);
                log.WriteLine($"  table p50 {table.P50:F1} ms, HTTP p50 {httpFloor.P50:F1} ms, echo p50 {echo.Single.P50:F0} ms alone, {echo.Saturated.P50:F0} ms at {echo.EventsPerSecond:F0} events/s");
            }

            // Warm-up: one short conversation (tables created, JIT, the engine's first partitions); not measured.
            using (var warm = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                warm.CancelAfter(options.PhaseTimeout);
                var warmUp = await scenario.RunBotPhaseAsync(1, 1, warm.Token);
                if (warmUp.Errors + warmUp.LostReplies > 0) log.WriteLine("  warm-up failed: " + string.Join("; ", warmUp.ErrorSamples));
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);

            // The idle background: what the engine's polling and leases cost while nothing happens.
            var idleStart = proxies.Snapshot();
            var idleClock = Stopwatch.StartNew();
            await Task.Delay(options.IdleWindow, cancellationToken);
            var idle = (proxies.Snapshot() - idleStart).ByLabel.ToDictionary(kv => kv.Key, kv => kv.Value / idleClock.Elapsed.TotalSeconds);

            log.WriteLine($"N = {n}: {n} visitors with the bot, K = {options.Exchanges}");
            var before = proxies.Snapshot();
            PhaseMetrics bot;
            using (var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                phase.CancelAfter(options.PhaseTimeout);
                bot = await scenario.RunBotPhaseAsync(n, options.Exchanges, phase.Token);
            }
            var botStorage = proxies.Snapshot() - before;
            log.WriteLine($"  {bot.Elapsed.TotalSeconds:F1} s, {bot.Errors} errors, {bot.LostReplies} lost");
            foreach (var sample in bot.ErrorSamples.Take(5)) log.WriteLine("  " + sample);
            var botHistory = await HistoryCounts.ReadAsync(direct, target.TaskHubName, [.. bot.RoomIds], options.HistorySample, TimeSpan.FromSeconds(15), cancellationToken);

            PhaseMetrics? agent = null;
            var agentStorage = StorageCounts.Empty;
            var agentHistory = HistoryCounts.None;
            if (options.Agents)
            {
                log.WriteLine($"N = {n}: {n} rooms transferred to agents, K = {options.Exchanges}");
                before = proxies.Snapshot();
                using (var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    phase.CancelAfter(options.PhaseTimeout);
                    agent = await scenario.RunAgentPhaseAsync(n, options.Exchanges, phase.Token);
                }
                agentStorage = proxies.Snapshot() - before;
                log.WriteLine($"  {agent.Elapsed.TotalSeconds:F1} s, {agent.Errors} errors, {agent.LostReplies} lost");
                foreach (var sample in agent.ErrorSamples.Take(5)) log.WriteLine("  " + sample);
                agentHistory = await HistoryCounts.ReadAsync(direct, target.TaskHubName, [.. agent.RoomIds], options.HistorySample, TimeSpan.FromSeconds(15), cancellationToken);
            }

            var memory = PeakMemory.Of(target.ProcessId);
            levels.Add(new LevelResult(n, options.Exchanges, bot, agent, botStorage, agentStorage, idle, botHistory, agentHistory, memory));
        }

        return new BenchmarkResult(options, floors!, levels, startedAt, clock.Elapsed);
    }
}
