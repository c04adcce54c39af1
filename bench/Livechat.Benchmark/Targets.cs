using System.Globalization;

namespace Livechat.Benchmark;

/// <summary>One of the issue's targets: what was measured, the goal, and whether it was met.</summary>
public sealed record TargetCheck(int Number, string Target, string Measured, string Goal, string Verdict);

/// <summary>The issue's five targets, checked against one run's figures.</summary>
public static class Targets
{
    /// <summary>How far above its floor a figure may be and still meet its target.</summary>
    public const double FloorFactor = 1.5;

    /// <summary>The agent path's target: p99 under this at <see cref="AgentTargetRooms"/> rooms, one message per room per <see cref="AgentTargetInterval"/>.</summary>
    public const double AgentP99Ms = 100;
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
        var goal = $"p99 < {AgentP99Ms:0} ms";
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
        var goal = $"each ≤ {FloorFactor} × a bare table upsert's p50 ({Ms(table.P50)} ms) = {Ms(FloorFactor * table.P50)} ms";
        var level = r.Levels.FirstOrDefault(l => l.N == 1);
        if (level is null) return new(4, what, "no N = 1 level in this run", goal, NotMeasured);
        var calls = ConfigCalls.Select(name => (Name: name, P: level.Bot.Calls.GetValueOrDefault(name)?.Summarize() ?? Percentiles.Empty)).ToList();
        if (calls.Any(c => c.P.Count == 0)) return new(4, what, "missing: " + string.Join(", ", calls.Where(c => c.P.Count == 0).Select(c => c.Name)), goal, Missed);
        var worst = calls.MaxBy(c => c.P.P50);
        var within = calls.Count(c => c.P.P50 <= FloorFactor * table.P50);
        var measured = $"{within} of {calls.Count} within; slowest {worst.Name} {Ms(worst.P.P50)} ms (×{Ratio(worst.P.P50, table.P50)}); " +
                       string.Join(", ", calls.Select(c => $"{c.Name} {Ms(c.P.P50)} (×{Ratio(c.P.P50, table.P50)})")) +
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
