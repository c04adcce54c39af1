using System.Globalization;

namespace Livechat.Benchmark;

/// <summary>One of the issue's targets: what was measured, the goal, and whether it was met.</summary>
public sealed record TargetCheck(int Number, string Target, string Measured, string Goal, string Verdict);

/// <summary>The targets (issues 19 and 23, and the widget's weight of issue 22), checked against one run's figures, each beside its floor from the same run.</summary>
public static class Targets
{
    /// <summary>How far above its floor a figure may be and still meet its target.</summary>
    public const double FloorFactor = 1.5;

    /// <summary>The agent path's target (issue 23): p99 under this at <see cref="AgentTargetRooms"/> rooms, one message per room per <see cref="AgentTargetInterval"/>.</summary>
    public const double AgentP99Ms = 50;

    /// <summary>Issue 23: each configuration call's p50 within this many bare table upserts' p50 …</summary>
    public const double ConfigCallFactor = 2;

    /// <summary>… except openRoom, within this many bare orchestration starts' p50.</summary>
    public const double OpenRoomFactor = 1.5;

    /// <summary>Azure Communication Services chat: USD per message sent (the comparison issue 23 asks for).</summary>
    public const double AcsPerMessage = 0.0008;
    public const int AgentTargetRooms = 500;
    public static readonly TimeSpan AgentTargetInterval = TimeSpan.FromSeconds(5);

    /// <summary>History is bounded when its rows (current execution, whole instance) at the largest K are at most this many times the most at a smaller K.</summary>
    public const double HistoryGrowthBound = 3;

    /// <summary>The configuration calls, compared with the bare table upsert.</summary>
    public static readonly string[] ConfigCalls = ["createSession", "setUserParams", "setCustomField(user)", "setCustomField(room)", "openRoom", "closeRoom", "sendMessage"];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public const string Met = "met", Missed = "missed", NotMeasured = "not measured";

    public static IReadOnlyList<TargetCheck> Evaluate(BenchmarkResult result) =>
    [
        BotReplyAlone(result),
        BotThroughput(result),
        AgentPath(result),
        ConfigCallsAlone(result),
        ErrorsAndHistory(result),
        ColdStart(result),
        CostAgainstAcs(result),
        WidgetOnTheWire(result),
    ];

    private static TargetCheck BotReplyAlone(BenchmarkResult r)
    {
        const string what = "bot reply (visitor message sent → bot reply over SignalR) at N = 1, p50";
        var echo = r.Floors.OrchestrationEcho;
        var goal = $"≤ {FloorFactor} × the bare echo's p50 alone ({Ms(echo.P50)} ms) = {Ms(FloorFactor * echo.P50)} ms";
        var level = r.Levels.FirstOrDefault(l => l.N == 1);
        if (level?.Bot.Realtime.GetValueOrDefault(Scenario.BotReply) is not { Count: > 0 } replies)
            return new(1, what, "no N = 1 level in this run", goal, NotMeasured);
        var p = replies.Summarize();
        return new(1, what, $"{Ms(p.P50)} ms (×{Ratio(p.P50, echo.P50)} the echo; {p.Count} replies)", goal, p.P50 <= FloorFactor * echo.P50 ? Met : Missed);
    }

    private static TargetCheck BotThroughput(BenchmarkResult r)
    {
        const string what = "bot exchanges per second at saturation";
        var f = r.Floors;
        var goal = $"≥ the bare echo's ceiling: {f.EchoEventsPerSecond.ToString("F1", Inv)} events/s ({f.EchoInstances} instances)";
        var runs = r.Levels.Where(l => l.Saturation is { } s && s.MeasuredElapsed > TimeSpan.Zero)
            .Select(l => (l.N, Rate: SaturatedRate(l.Saturation!), Rooms: l.Saturation!.ReadyRooms)).ToList();
        if (runs.Count == 0) return new(2, what, "the saturation phase did not run", goal, NotMeasured);
        var worst = runs.MinBy(x => x.Rate);
        var clicks = r.Options.SaturationClicks;
        var where = runs.Count == 1
            ? $"on the N = {worst.N} server"
            : "the lowest of " + string.Join(", ", runs.Select(x => $"{x.Rate.ToString("F1", Inv)} on the N = {x.N} server"));
        var measured = $"{worst.Rate.ToString("F1", Inv)} replies/s (×{Ratio(worst.Rate, f.EchoEventsPerSecond)} the echo), {where}; {worst.Rooms} rooms × {clicks} clicks at once";
        return new(2, what, measured, goal, worst.Rate >= f.EchoEventsPerSecond ? Met : Missed);
    }

    private static TargetCheck AgentPath(BenchmarkResult r)
    {
        var what = $"visitor ↔ human agent message (no orchestration on its path) at N = {AgentTargetRooms} rooms, one message per room every {AgentTargetInterval.TotalSeconds:0} s, p99";
        // The path's floor (issue 23): one HTTP call, one table transaction (through the proxy, as the server's go) and
        // one send through the emulator; the send has no floor of its own here, so this is a lower bound of the floor.
        var floor = r.Floors.HttpRoundTrip.P99 + r.Floors.TableUpsertProxied.P99;
        var goal = $"p99 < {AgentP99Ms:0} ms (floor: HTTP p99 + proxied upsert p99 = {Ms(floor)} ms, the hub send not included)";
        var level = r.Levels.Where(l => l.Agent is not null).OrderBy(l => l.N == AgentTargetRooms ? 0 : 1).ThenByDescending(l => l.N).FirstOrDefault();
        if (level?.Agent is not { } agent) return new(3, what, "the agent phase did not run", goal, NotMeasured);
        var toAgent = agent.Realtime.GetValueOrDefault(Scenario.VisitorToAgent)?.Summarize() ?? Percentiles.Empty;
        var toVisitor = agent.Realtime.GetValueOrDefault(Scenario.AgentToVisitor)?.Summarize() ?? Percentiles.Empty;
        if (toAgent.Count == 0 && toVisitor.Count == 0) return new(3, what, $"no message measured at N = {level.N}", goal, Missed);
        var worst = Math.Max(toAgent.Count > 0 ? toAgent.P99 : 0, toVisitor.Count > 0 ? toVisitor.P99 : 0);
        var measured = $"p99 {Ms(toAgent.P99)} ms visitor → agent, {Ms(toVisitor.P99)} ms agent → visitor ({toAgent.Count} + {toVisitor.Count} messages) at N = {level.N}, " +
                       $"one message per room every {agent.PaceInterval.TotalSeconds.ToString("0.###", Inv)} s";
        var verdict = worst < AgentP99Ms ? Met : Missed;
        var notes = new List<string>();
        if (level.N != AgentTargetRooms) notes.Add($"not run at N = {AgentTargetRooms}");
        if (agent.PaceInterval != AgentTargetInterval) notes.Add($"interval {agent.PaceInterval.TotalSeconds.ToString("0.###", Inv)} s, not {AgentTargetInterval.TotalSeconds:0} s");
        if (agent.Errors + agent.LostReplies > 0) notes.Add($"{agent.Errors} errors, {agent.LostReplies} lost");
        return new(3, what, measured, goal, notes.Count == 0 ? verdict : $"{verdict} at N = {level.N} ({string.Join("; ", notes)})");
    }

    private static TargetCheck ConfigCallsAlone(BenchmarkResult r)
    {
        const string what = "each configuration call at N = 1, p50 (createSession, setUserParams, setCustomField ×2, openRoom, closeRoom, sendMessage)";
        var table = r.Floors.TableUpsert;
        var start = r.Floors.StartFloor;
        var goal = $"each ≤ {ConfigCallFactor} × a bare table upsert's p50 ({Ms(table.P50)} ms) = {Ms(ConfigCallFactor * table.P50)} ms; " +
                   $"openRoom ≤ {OpenRoomFactor} × a bare orchestration start's p50 ({Ms(start.P50)} ms) = {Ms(OpenRoomFactor * start.P50)} ms";
        var level = r.Levels.FirstOrDefault(l => l.N == 1);
        if (level is null) return new(4, what, "no N = 1 level in this run", goal, NotMeasured);
        var calls = ConfigCalls.Select(name => (Name: name, P: level.Bot.Calls.GetValueOrDefault(name)?.Summarize() ?? Percentiles.Empty,
            Floor: name == "openRoom" && start.Count > 0 ? (Factor: OpenRoomFactor, P50: start.P50) : (Factor: ConfigCallFactor, P50: table.P50))).ToList();
        if (calls.Any(c => c.P.Count == 0)) return new(4, what, "missing: " + string.Join(", ", calls.Where(c => c.P.Count == 0).Select(c => c.Name)), goal, Missed);
        var within = calls.Count(c => c.P.P50 <= c.Floor.Factor * c.Floor.P50);
        var worst = calls.MaxBy(c => c.P.P50 / c.Floor.P50);
        var measured = $"{within} of {calls.Count} within; furthest {worst.Name} {Ms(worst.P.P50)} ms (×{Ratio(worst.P.P50, worst.Floor.P50)} its floor); " +
                       string.Join(", ", calls.Select(c => $"{c.Name} {Ms(c.P.P50)} (×{Ratio(c.P.P50, c.Floor.P50)})")) +
                       $"; {calls.Min(c => c.P.Count)}+ samples each; the server's storage calls go through the counting proxy, where one upsert takes {Ms(r.Floors.TableUpsertProxied.P50)} ms";
        return new(4, what, measured, goal, within == calls.Count ? Met : Missed);
    }

    private static TargetCheck ErrorsAndHistory(BenchmarkResult r)
    {
        const string what = "zero errors and zero lost messages at every N; the orchestration history per room bounded as K grows from 10 to 1,000";
        var goal = $"0 errors, 0 lost; history rows (current execution, and whole instance) at the largest K ≤ {HistoryGrowthBound:0} × the most at a smaller K";
        var parts = new List<string>();
        foreach (var l in r.Levels)
        {
            var errors = l.Bot.Errors + (l.Agent?.Errors ?? 0) + (l.Saturation?.Errors ?? 0);
            var lost = l.Bot.LostReplies + (l.Agent?.LostReplies ?? 0) + (l.Saturation?.LostReplies ?? 0);
            parts.Add($"N = {l.N}: {errors} errors, {lost} lost");
        }
        if (r.Floors.EchoErrors > 0) parts.Add($"echo floor: {r.Floors.EchoErrors} lost");
        var errorsMet = r.Levels.All(l => l.Errors == 0) && r.Floors.EchoErrors == 0 && r.History.All(h => h.Errors == 0);
        if (r.History.Any(h => h.Errors > 0)) parts.Add($"history phase: {r.History.Sum(h => h.Errors)} errors or lost");

        var (bounded, historyText) = HistoryBounded(r.History);
        var verdict = !errorsMet ? Missed : bounded switch { true => Met, false => Missed, null => Met + " (history not run)" };
        return new(5, what, string.Join("; ", parts) + ". " + historyText, goal, verdict);
    }

    private static TargetCheck ColdStart(BenchmarkResult r)
    {
        const string what = "cold start: host start → first answered POST /api/v1/sessions, and → first bot greeting";
        const string goal = "reported (what a visitor waits for when the platform starts an instance for them)";
        if (r.Cold is not { HostStart.Count: > 0 } cold) return new(6, what, "no host start measured", goal, NotMeasured);
        var host = cold.HostStart.Summarize();
        var session = cold.FirstCalls["createSession"].Summarize();
        var negotiate = cold.FirstCalls["negotiate"].Summarize();
        var open = cold.FirstCalls["openRoom"].Summarize();
        var greeting = cold.FirstCalls["greeting (openRoom → menu)"].Summarize();
        // The warm-up's calls run one after the other from the moment the host answers: the sums are the visitor's wait.
        var toSession = host.P50 + session.P50;
        var toGreeting = toSession + Zero(negotiate.P50) + Zero(open.P50) + Zero(greeting.P50);
        var measured = $"p50 over {host.Count} starts: {Ms(toSession)} ms to the first session (host {Ms(host.P50)} + first createSession {Ms(session.P50)}), " +
                       $"{Ms(toGreeting)} ms to the first greeting (+ negotiate {Ms(negotiate.P50)}, openRoom {Ms(open.P50)}, greeting {Ms(greeting.P50)}); on Azure the platform's allocation and the app's download come first (not measured)";
        return new(6, what, measured, goal, "reported");
    }

    private static TargetCheck CostAgainstAcs(BenchmarkResult r)
    {
        const string what = "cost per 1,000 conversations (bot, agent) from what the host counted, against Azure Communication Services chat";
        var level = r.Levels.Where(l => l.Errors == 0).OrderByDescending(l => l.N).FirstOrDefault() ?? r.Levels.LastOrDefault();
        var goal = FormattableString.Invariant($"below ACS chat at ${AcsPerMessage:0.0000} per message ({Prices.AsOf})");
        if (level is null) return new(7, what, "no level in this run", goal, NotMeasured);
        var k = level.Exchanges;
        var parts = new List<string>();
        var below = true;
        void Add(string kind, PhaseMetrics? phase, StorageCounts storage, HistoryCounts history, double messages)
        {
            if (ConversationCost.From(kind, level, phase, storage, history) is not { } cost) return;
            var acs = messages * AcsPerMessage * 1000;
            below &= cost.TotalFlex * 1000 < acs;
            parts.Add(FormattableString.Invariant($"{kind}: ${cost.TotalFlex * 1000:0.000} on Flex (upper bound), ${cost.TotalConsumption * 1000:0.000} on Consumption; ACS ${acs:0.00} for its {messages:0} messages"));
        }
        // Messages a conversation sends, as ACS would bill them: the bot's greeting and menu, then per exchange the
        // visitor's click, the bot's answer and the menu again; with an agent, the greeting and menu, then a message each way.
        Add("bot", level.Bot, level.BotStorage, level.BotHistory, 2 + 3 * k);
        Add("agent", level.Agent, level.AgentStorage, level.AgentHistory, 2 + 2 * k);
        if (parts.Count == 0) return new(7, what, "no conversation counted", goal, NotMeasured);
        return new(7, what, $"per 1,000 at N = {level.N}, K = {k}: " + string.Join("; ", parts), goal, below ? Met : Missed);
    }

    private static TargetCheck WidgetOnTheWire(BenchmarkResult r)
    {
        const string what = "the widget's first load on the wire (loader + bundle, as served)";
        var goal = $"lighter than the lightest anchor ({WidgetWeight.Anchors})";
        if (r.Floors.Widget is not { } w) return new(8, what, "not measured", goal, NotMeasured);
        var measured = FormattableString.Invariant($"{w.Brotli / 1000.0:0.0} KB brotli, {w.Gzip / 1000.0:0.0} KB gzip (loader {w.LoaderBrotli} B + bundle {w.BundleBrotli / 1000.0:0.0} KB brotli; {(w.LoaderIdentity + w.BundleIdentity) / 1000.0:0.0} KB uncompressed)");
        return new(8, what, measured, goal, Math.Max(w.Brotli, w.Gzip) < WidgetWeight.LightestAnchorBytes ? Met : Missed);
    }

    private static double Zero(double v) => double.IsNaN(v) ? 0 : v;

    /// <summary>Bounded: the rows of the current execution and of the whole instance at the largest K are each at most <see cref="HistoryGrowthBound"/> × the most at a smaller K.</summary>
    public static (bool? Bounded, string Text) HistoryBounded(IReadOnlyList<HistoryGrowth> history)
    {
        var read = history.Where(h => h.History is not null && h.Errors == 0).OrderBy(h => h.K).ToList();
        if (read.Count < 2) return (null, history.Count == 0 ? "History phase not run." : "History: fewer than two K values read.");
        var largest = read[^1];
        var earlier = read.Take(read.Count - 1).ToList();
        // Both the rows a replay loads (the current execution) and the rows the instance keeps in storage (a new
        // generation overwrites the last one's rows from the first, so this is the longest generation) must stay flat.
        var bounded = largest.History!.CurrentExecutionRows <= HistoryGrowthBound * Math.Max(1, earlier.Max(h => h.History!.CurrentExecutionRows))
                      && largest.History.TotalRows <= HistoryGrowthBound * Math.Max(1, earlier.Max(h => h.History!.TotalRows));
        var ks = string.Join(" / ", read.Select(h => h.K.ToString("N0", Inv)));
        var text = $"History at K = {ks}: current execution {string.Join(" / ", read.Select(h => h.History!.CurrentExecutionRows))} rows, " +
                   $"whole instance {string.Join(" / ", read.Select(h => h.History!.TotalRows))} rows, " +
                   $"{string.Join(" / ", read.Select(h => h.Executions))} executions " +
                   $"(whole instance ×{Ratio(largest.History.TotalRows, read[0].History!.TotalRows)} while K grew ×{(largest.K / (double)read[0].K).ToString("0.#", Inv)}).";
        return (bounded, text);
    }

    public static double SaturatedRate(PhaseMetrics saturation) =>
        saturation.MeasuredElapsed > TimeSpan.Zero
            ? (saturation.Realtime.GetValueOrDefault(Scenario.SaturatedReply)?.Count ?? 0) / saturation.MeasuredElapsed.TotalSeconds
            : double.NaN;

    private static string Ms(double v) => double.IsNaN(v) ? "–" : v.ToString(v < 10 ? "F1" : "F0", Inv);

    private static string Ratio(double v, double floor) =>
        double.IsNaN(v) || double.IsNaN(floor) || floor <= 0 ? "–" : (v / floor).ToString(v / floor < 10 ? "0.0#" : "F0", Inv);
}
