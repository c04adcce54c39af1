using Livechat.LocalStack;
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

    /// <summary>Bot phase: the phase deadline grows with N, max(<see cref="PhaseTimeout"/>, N × this) plus the arrival window.</summary>
    public TimeSpan PhaseTimePerVisitor { get; init; } = TimeSpan.FromSeconds(0.8);

    /// <summary>Bot phase: conversation starts spread evenly over this window; null: N ÷ <see cref="ArrivalsPerSecond"/> seconds.</summary>
    public TimeSpan? ArrivalWindow { get; init; }
    public double ArrivalsPerSecond { get; init; } = 50;

    /// <summary>Bot phase at N = 1: conversations one after the other, so each call's percentiles have samples.</summary>
    public int SingleVisitorRepeats { get; init; } = 20;

    /// <summary>Bot at saturation: rooms (opened and greeted outside the measurement) and clicks per room, all rooms at once.</summary>
    public int SaturationRooms { get; init; } = 32;
    public int SaturationClicks { get; init; } = 8;

    /// <summary>False: once, after the first level's bot phase (a clean server, like the echo's fresh task hub); true: after every level's.</summary>
    public bool SaturationEveryLevel { get; init; }

    /// <summary>Agent phase: one visitor message per room per interval, after the rooms are set up this many at a time.</summary>
    public TimeSpan AgentMessageInterval { get; init; } = TimeSpan.FromSeconds(5);
    public int SetupConcurrency { get; init; } = 50;

    /// <summary>History phase: one bot conversation per K on a fresh server after the levels, then its orchestration history. Empty: off.</summary>
    public IReadOnlyList<int> HistoryExchanges { get; init; } = [10, 100, 1000];

    /// <summary>
    /// <c>--scale-out</c>: instead of the phases, this many bot conversations over two hosts on one task hub, then a
    /// fifth of them again with one host killed mid-load (<see cref="ScaleOutRun"/>). 0: the phases.
    /// </summary>
    public int ScaleOutConversations { get; init; }

    /// <summary>
    /// <c>--retention</c>: instead of the phases, two batches of this many bot conversations on a host with a short
    /// retention, each followed by the sweeper's purge (<see cref="RetentionRun"/>). 0: the phases.
    /// </summary>
    public int RetentionConversations { get; init; }

    /// <summary>The scale-out run's size with --smoke.</summary>
    public const int SmokeScaleOutConversations = 20;

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
        SingleVisitorRepeats = 2,
        SaturationRooms = 4,
        SaturationClicks = 3,
        AgentMessageInterval = TimeSpan.FromSeconds(0.5),
        HistoryExchanges = [],
    };

    /// <summary>The bot phase's arrival window at N visitors (zero for one visitor).</summary>
    public TimeSpan ArrivalWindowFor(int n) => n <= 1 ? TimeSpan.Zero : ArrivalWindow ?? TimeSpan.FromSeconds(n / ArrivalsPerSecond);

    public int RepeatsFor(int n) => n == 1 ? Math.Max(1, SingleVisitorRepeats) : 1;

    /// <summary>
    /// A reply or event later than this counts as lost. N visitors in a closed loop each wait behind the others'
    /// work, so the bound grows with N: N × 0.4 s, at most half the bot phase's deadline, at least <see cref="ReplyTimeout"/>.
    /// </summary>
    public TimeSpan ReplyTimeoutFor(int n) =>
        Max(ReplyTimeout, TimeSpan.FromSeconds(Math.Min(n * 0.4, BotPhaseTimeoutFor(n).TotalSeconds / 2)));

    /// <summary>The bot phase's deadline at N visitors: grows with N (and the arrival window), still bounded.</summary>
    public TimeSpan BotPhaseTimeoutFor(int n) =>
        Max(PhaseTimeout, PhaseTimePerVisitor * n * RepeatsFor(n)) + ArrivalWindowFor(n);

    /// <summary>The agent phase's deadline: the setup's bound (as the bot phase's), then K paced messages and one more interval.</summary>
    public TimeSpan AgentPhaseTimeoutFor(int n) =>
        Max(PhaseTimeout, PhaseTimePerVisitor * n) + AgentMessageInterval * (Exchanges + 1);

    /// <summary>The history phase's deadline for one conversation of K exchanges.</summary>
    public static TimeSpan HistoryTimeoutFor(int k) => TimeSpan.FromSeconds(60 + k * 0.4);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>One load level: N conversations with the bot, the bot at saturation, then N rooms with agents, on a fresh server.</summary>
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
    long? PeakMemoryBytes,
    PhaseMetrics? Saturation = null)
{
    /// <summary>A point read in the level's Rooms table after its phases, and how many rows that table held.</summary>
    public (Percentiles PointRead, long Rows)? RoomsTableAfter { get; init; }
    public (Percentiles Query, long Rows)? HistoryTableAfter { get; init; }

    public int Errors => Bot.Errors + Bot.LostReplies + (Agent?.Errors ?? 0) + (Agent?.LostReplies ?? 0) + (Saturation?.Errors ?? 0) + (Saturation?.LostReplies ?? 0);

    /// <summary>A phase's storage requests with the idle background (queue polling, lease renewal) taken out.</summary>
    public IReadOnlyDictionary<string, double> NetStorage(StorageCounts counts, TimeSpan elapsed) =>
        counts.ByLabel.ToDictionary(kv => kv.Key, kv => Math.Max(0, kv.Value - IdleStoragePerSecond.GetValueOrDefault(kv.Key) * elapsed.TotalSeconds));
}

/// <summary>One conversation of K exchanges on the history phase's own server and its orchestration's history afterwards.</summary>
public sealed record HistoryGrowth(int K, PhaseMetrics Conversation, InstanceHistory? History, IReadOnlyCollection<string> ObservedExecutionIds)
{
    public int Errors => Conversation.Errors + Conversation.LostReplies;

    /// <summary>Generations: the ExecutionIds seen in the Instances table after each exchange and at the end, and those still in the History table.</summary>
    public int Executions => ObservedExecutionIds.Union(History?.ExecutionIds ?? []).Count();
}

public sealed record BenchmarkResult(BenchmarkOptions Options, FloorResults Floors, IReadOnlyList<LevelResult> Levels, DateTimeOffset StartedAt, TimeSpan Elapsed, IReadOnlyList<HistoryGrowth>? HistoryGrowth = null, ColdStarts? Cold = null)
{
    public IReadOnlyList<HistoryGrowth> History => HistoryGrowth ?? [];

    public int Errors => Levels.Sum(l => l.Errors) + Floors.EchoErrors + History.Sum(h => h.Errors);
}

/// <summary>
/// Each fresh Livechat server's start (the host process started → the app answers, as FunctionsHost waits for it)
/// and the calls of its first conversation (the warm-up), which meet a worker that has run nothing yet.
/// </summary>
public sealed class ColdStarts
{
    /// <summary>The warm-up's calls that are a cold start's, in the report's order.</summary>
    public static readonly string[] FirstCallNames = ["createSession", "negotiate", "openRoom", "greeting (openRoom → menu)", "sendMessage", Scenario.BotReply, "closeRoom"];

    public Latencies HostStart { get; } = new();

    public IReadOnlyDictionary<string, Latencies> FirstCalls { get; } = FirstCallNames.ToDictionary(name => name, _ => new Latencies());

    /// <summary>Adds a warm-up conversation's calls (one of each: its single sample is the cold figure).</summary>
    public void Add(PhaseMetrics warmUp)
    {
        foreach (var (name, samples) in FirstCalls)
            if ((warmUp.Calls.GetValueOrDefault(name) ?? warmUp.Realtime.GetValueOrDefault(name)) is { Count: > 0 } first)
                samples.AddMilliseconds(first.Summarize().Max);
    }
}

/// <summary>
/// The benchmark: floors, then each load level on fresh servers: the Livechat app on the Functions host
/// (<see cref="ServerHosts"/>), its storage through the counting proxies.
/// </summary>
public static class BenchmarkRun
{
    public static async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, StorageProxies proxies, TextWriter log, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var direct = proxies.Direct.ConnectionString;
        var levels = new List<LevelResult>();
        var growth = new List<HistoryGrowth>();
        FloorResults? floors = null;
        var cold = new ColdStarts();

        async Task<FunctionsHost> StartServerAsync()
        {
            var starting = Stopwatch.StartNew();
            var host = await ServerHosts.StartLivechatAsync(proxies);
            cold.HostStart.Add(starting.Elapsed);
            return host;
        }

        foreach (var n in options.Visitors)
        {
            log.WriteLine($"N = {n}: starting a fresh server ({clock.Elapsed.TotalSeconds:F0} s)");
            var server = await StartServerAsync();
            var target = ServerTarget.Of(server);
            LevelResult level;
            try
            {
                using var http = MeasuredApi.CreateHttpClient(target.BaseAddress);
                var replyTimeout = options.ReplyTimeoutFor(n);
                var scenario = new Scenario(target, http, replyTimeout);

                if (floors is null)
                {
                    log.WriteLine("floors: table upsert, HTTP round trip, orchestration echo");
                    var table = await Floors.TableUpsertAsync(direct, options.FloorSamples, cancellationToken);
                    var tableProxied = await Floors.TableUpsertAsync(proxies.ConnectionString, options.FloorSamples, cancellationToken);
                    var httpFloor = await Floors.HttpRoundTripAsync(http, options.FloorSamples, cancellationToken);
                    var echo = await Floors.OrchestrationEchoAsync(proxies, options.EchoSingleEvents, options.EchoInstances, options.EchoEventsPerInstance, log, cancellationToken);
                    var widget = await WidgetWeight.MeasureAsync(target.BaseAddress, cancellationToken);
                    floors = new FloorResults(table, tableProxied, httpFloor, echo.Single, echo.Saturated, echo.EventsPerSecond, options.EchoInstances, echo.Errors, echo.Start, widget);
                    log.WriteLine($"  table p50 {table.P50:F1} ms ({tableProxied.P50:F1} ms through the proxy), HTTP p50 {httpFloor.P50:F1} ms, echo p50 {echo.Single.P50:F0} ms alone, {echo.Saturated.P50:F0} ms at {echo.EventsPerSecond:F1} events/s");
                }

                await WarmUpAsync(scenario, options, log, cold, cancellationToken);

                // The idle background: what the engine's polling and leases cost while nothing happens.
                var idleStart = proxies.Snapshot();
                var idleClock = Stopwatch.StartNew();
                await Task.Delay(options.IdleWindow, cancellationToken);
                var idle = (proxies.Snapshot() - idleStart).ByLabel.ToDictionary(kv => kv.Key, kv => kv.Value / idleClock.Elapsed.TotalSeconds);

                var arrival = options.ArrivalWindowFor(n);
                var repeats = options.RepeatsFor(n);
                log.WriteLine($"N = {n}: {n} visitors with the bot, K = {options.Exchanges}, arriving over {arrival.TotalSeconds:F1} s" +
                              (repeats > 1 ? $", {repeats} conversations each in sequence" : "") + $" (bound {options.BotPhaseTimeoutFor(n).TotalSeconds:F0} s)");
                var before = proxies.Snapshot();
                PhaseMetrics bot;
                using (var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    phase.CancelAfter(options.BotPhaseTimeoutFor(n));
                    bot = await scenario.RunBotPhaseAsync(n, options.Exchanges, arrival, repeats, phase.Token);
                }
                var botStorage = proxies.Snapshot() - before;
                log.WriteLine($"  {bot.Elapsed.TotalSeconds:F1} s, {bot.Completed}/{bot.Conversations} completed, {bot.Errors} errors, {bot.LostReplies} lost");
                foreach (var sample in bot.ErrorSamples.Take(5)) log.WriteLine("  " + sample);
                var botHistory = await HistoryCounts.ReadAsync(direct, target.TaskHubName, [.. bot.RoomIds], options.HistorySample, TimeSpan.FromSeconds(15), cancellationToken);

                PhaseMetrics? saturation = null;
                if (options.SaturationRooms > 0 && options.SaturationClicks > 0 && (levels.Count == 0 || options.SaturationEveryLevel))
                {
                    log.WriteLine($"N = {n}: the bot at saturation, {options.SaturationRooms} rooms × {options.SaturationClicks} clicks at once");
                    using var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    phase.CancelAfter(options.PhaseTimeout);
                    saturation = await scenario.RunBotSaturationAsync(options.SaturationRooms, options.SaturationClicks, options.SetupConcurrency, phase.Token);
                    var replies = saturation.Realtime.GetValueOrDefault(Scenario.SaturatedReply)?.Count ?? 0;
                    log.WriteLine($"  setup {saturation.SetupElapsed.TotalSeconds:F1} s; {replies} replies in {saturation.MeasuredElapsed.TotalSeconds:F1} s = {replies / saturation.MeasuredElapsed.TotalSeconds:F1}/s; {saturation.Errors} errors, {saturation.LostReplies} lost");
                    foreach (var sample in saturation.ErrorSamples.Take(5)) log.WriteLine("  " + sample);
                }

                var botMemory = PeakMemory.Of(server.ProcessIds);
                (Percentiles, long)? roomsAfter = null, historyAfter = null;
                if (bot.RoomIds.FirstOrDefault() is { } someRoom)
                {
                    roomsAfter = await Floors.RoomsTableAfterAsync(direct, target.TablePrefix + "Rooms", someRoom, options.FloorSamples, cancellationToken);
                    historyAfter = await Floors.HistoryTableAfterAsync(direct, target.TaskHubName, someRoom, options.FloorSamples / 4, cancellationToken);
                }
                level = new LevelResult(n, options.Exchanges, bot, null, botStorage, StorageCounts.Empty, idle, botHistory, HistoryCounts.None, botMemory, saturation)
                {
                    RoomsTableAfter = roomsAfter,
                    HistoryTableAfter = historyAfter,
                };
            }
            finally
            {
                await server.DisposeAsync();
                await StorageCleanup.DeleteAsync(direct, target, log, cancellationToken);
            }

            // The agent phase on a fresh server of its own, the bot phase's storage deleted: its rooms are not slowed
            // by the bot phase's leftovers (Azurite's tables, the engine's timers), as on Azure no tenant's are.
            if (options.Agents)
            {
                log.WriteLine($"N = {n}: agent phase, starting a fresh server ({clock.Elapsed.TotalSeconds:F0} s)");
                var agentServer = await StartServerAsync();
                var agentTarget = ServerTarget.Of(agentServer);
                try
                {
                    using var http = MeasuredApi.CreateHttpClient(agentTarget.BaseAddress);
                    var scenario = new Scenario(agentTarget, http, options.ReplyTimeoutFor(n));
                    await WarmUpAsync(scenario, options, log, cold, cancellationToken);
                    log.WriteLine($"N = {n}: {n} rooms transferred to agents ({options.SetupConcurrency} at a time), then K = {options.Exchanges} messages a room, one every {options.AgentMessageInterval.TotalSeconds:0.###} s (bound {options.AgentPhaseTimeoutFor(n).TotalSeconds:F0} s)");
                    var before = proxies.Snapshot();
                    PhaseMetrics agent;
                    using (var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                    {
                        phase.CancelAfter(options.AgentPhaseTimeoutFor(n));
                        agent = await scenario.RunAgentPhaseAsync(n, options.Exchanges, options.AgentMessageInterval, options.SetupConcurrency, phase.Token);
                    }
                    var agentStorage = proxies.Snapshot() - before;
                    log.WriteLine($"  {agent.Elapsed.TotalSeconds:F1} s (setup {agent.SetupElapsed.TotalSeconds:F1} s, paced {agent.MeasuredElapsed.TotalSeconds:F1} s), {agent.Completed}/{agent.Conversations} completed, {agent.Errors} errors, {agent.LostReplies} lost, {agent.LateSends} late sends");
                    foreach (var sample in agent.ErrorSamples.Take(5)) log.WriteLine("  " + sample);
                    var agentHistory = await HistoryCounts.ReadAsync(direct, agentTarget.TaskHubName, [.. agent.RoomIds], options.HistorySample, TimeSpan.FromSeconds(15), cancellationToken);
                    var agentMemory = PeakMemory.Of(agentServer.ProcessIds);
                    level = level with
                    {
                        Agent = agent,
                        AgentStorage = agentStorage,
                        AgentHistory = agentHistory,
                        // The higher of the two servers' peaks (Max skips an unknown one).
                        PeakMemoryBytes = new[] { level.PeakMemoryBytes, agentMemory }.Max(),
                    };
                }
                finally
                {
                    await agentServer.DisposeAsync();
                    await StorageCleanup.DeleteAsync(direct, agentTarget, log, cancellationToken);
                }
            }
            levels.Add(level);
        }
        // History as K grows: on a fresh, warmed-up server of its own (the levels' storage deleted), so no level's
        // leftovers slow a conversation of 1,000 exchanges, and no level's figures include it.
        if (options.HistoryExchanges.Count > 0)
        {
            log.WriteLine($"history phase: starting a fresh server ({clock.Elapsed.TotalSeconds:F0} s)");
            await using var server = await StartServerAsync();
            var target = ServerTarget.Of(server);
            using var http = MeasuredApi.CreateHttpClient(target.BaseAddress);
            var scenario = new Scenario(target, http, options.ReplyTimeout);
            await WarmUpAsync(scenario, options, log, cold, cancellationToken);
            var index = 200_000;
            foreach (var k in options.HistoryExchanges)
            {
                log.WriteLine($"history phase: one bot conversation of K = {k} (bound {BenchmarkOptions.HistoryTimeoutFor(k).TotalSeconds:F0} s)");
                var tracker = new ExecutionTracker(direct, target.TaskHubName);
                PhaseMetrics conversation;
                using (var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    phase.CancelAfter(BenchmarkOptions.HistoryTimeoutFor(k));
                    conversation = await scenario.RunLongBotConversationAsync(index++, k, (room, _, ct) => tracker.ObserveAsync(room, ct), phase.Token);
                }
                var room = conversation.RoomIds.FirstOrDefault();
                var history = room is null ? null : await InstanceHistory.ReadAsync(direct, target.TaskHubName, room, TimeSpan.FromSeconds(15), cancellationToken);
                var result = new HistoryGrowth(k, conversation, history, [.. tracker.Seen]);
                growth.Add(result);
                log.WriteLine($"  {conversation.Elapsed.TotalSeconds:F1} s, {result.Errors} errors; history: {history?.CurrentExecutionRows} rows in the current execution ({history?.RuntimeStatus}), {history?.TotalRows} in all, {result.Executions} executions");
                foreach (var sample in conversation.ErrorSamples.Take(5)) log.WriteLine("  " + sample);
            }
        }

        return new BenchmarkResult(options, floors!, levels, startedAt, clock.Elapsed, growth, cold);
    }

    /// <summary>
    /// One short conversation on a fresh server (tables created, JIT, the worker's first invocations, the engine's
    /// first partitions): not in the phase's figures, but its calls are the server's cold start.
    /// </summary>
    private static async Task WarmUpAsync(Scenario scenario, BenchmarkOptions options, TextWriter log, ColdStarts cold, CancellationToken cancellationToken)
    {
        using (var warm = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            warm.CancelAfter(options.PhaseTimeout);
            var warmUp = await scenario.RunBotPhaseAsync(1, 1, TimeSpan.Zero, 1, warm.Token);
            if (warmUp.Errors + warmUp.LostReplies > 0) log.WriteLine("  warm-up failed: " + string.Join("; ", warmUp.ErrorSamples));
            else cold.Add(warmUp);
        }
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
    }
}
