using ScottPlot;

namespace Livechat.Benchmark;

/// <summary>docs/benchmark.png: latency percentiles per N (log scale), with the floors as lines.</summary>
public static class Chart
{
    public static void Save(BenchmarkResult result, string path)
    {
        var plot = new Plot();
        var levels = result.Levels;
        var xs = Enumerable.Range(0, levels.Count).Select(i => (double)i).ToArray();
        var palette = new[] { Colors.C0, Colors.C4, Colors.C1, Colors.C2, Colors.C3 };
        var series = new (string Name, Func<LevelResult, Percentiles?> Pick)[]
        {
            ("bot reply (send → reply over SignalR)", l => l.Bot.Realtime.TryGetValue(Scenario.BotReply, out var r) ? r.Summarize() : null),
            ($"bot reply at saturation ({result.Options.SaturationRooms} rooms)", l => l.Saturation?.Realtime.TryGetValue(Scenario.SaturatedReply, out var r) == true ? r.Summarize() : null),
            ($"visitor → agent, 1 msg / {result.Options.AgentMessageInterval.TotalSeconds:0.###} s per room", l => l.Agent?.Realtime.TryGetValue(Scenario.VisitorToAgent, out var r) == true ? r.Summarize() : null),
            ("sendMessage (HTTP)", l => l.Bot.Calls.TryGetValue("sendMessage", out var r) ? r.Summarize() : null),
            ("openRoom (HTTP)", l => l.Bot.Calls.TryGetValue("openRoom", out var r) ? r.Summarize() : null),
        };
        var all = new List<double>();
        for (var s = 0; s < series.Length; s++)
        {
            foreach (var (label, pattern, pick) in new (string, LinePattern, Func<Percentiles, double>)[]
                     { ("p50", LinePattern.Solid, p => p.P50), ("p95", LinePattern.Dashed, p => p.P95), ("p99", LinePattern.Dotted, p => p.P99) })
            {
                var points = levels.Select((l, i) => (X: xs[i], P: series[s].Pick(l))).Where(p => p.P is { Count: > 0 }).ToList();
                if (points.Count == 0) continue;
                var ys = points.Select(p => Math.Log10(Math.Max(0.1, pick(p.P!)))).ToArray();
                all.AddRange(ys);
                var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), ys);
                line.LegendText = $"{series[s].Name} {label}";
                line.Color = palette[s];
                line.LinePattern = pattern;
                line.LineWidth = 2;
                line.MarkerSize = 7;
            }
        }
        var floors = new (string Name, double Ms, Color Color)[]
        {
            ($"floor: orchestration echo p50, alone ({result.Floors.OrchestrationEcho.P50:F0} ms)", result.Floors.OrchestrationEcho.P50, Colors.C0),
            ($"floor: orchestration echo p50, {result.Floors.EchoInstances} instances ({result.Floors.OrchestrationEchoSaturated.P50:F0} ms)", result.Floors.OrchestrationEchoSaturated.P50, Colors.C4),
            ($"floor: HTTP round trip p50 ({result.Floors.HttpRoundTrip.P50:F1} ms)", result.Floors.HttpRoundTrip.P50, Colors.Gray),
            ($"floor: table upsert p50 ({result.Floors.TableUpsert.P50:F1} ms)", result.Floors.TableUpsert.P50, Colors.Black),
            ($"target: visitor ↔ agent p99 < {Targets.AgentP99Ms:0} ms", Targets.AgentP99Ms, Colors.Red),
        };
        foreach (var (name, ms, color) in floors)
        {
            if (double.IsNaN(ms)) continue;
            var y = Math.Log10(Math.Max(0.1, ms));
            all.Add(y);
            var line = plot.Add.HorizontalLine(y);
            line.LegendText = name;
            line.Color = color.WithAlpha(0.6);
            line.LinePattern = LinePattern.DenselyDashed;
            line.LineWidth = 1.5f;
        }

        var ticks = new List<double>();
        var labels = new List<string>();
        foreach (var decade in new[] { 0.1, 1, 10, 100, 1000, 10000, 100000 })
            foreach (var m in new[] { 1, 2, 5 })
            {
                var v = decade * m;
                ticks.Add(Math.Log10(v));
                labels.Add(v >= 1000 ? $"{v / 1000:0.#} s" : $"{v:0.#} ms");
            }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks], [.. labels]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, [.. levels.Select(l => $"N = {l.N}")]);
        var min = all.Count > 0 ? all.Min() : 0;
        var max = all.Count > 0 ? all.Max() : 3;
        plot.Axes.SetLimits(-0.3, Math.Max(0.3, levels.Count - 0.7 + 0.4), Math.Floor(min * 2) / 2 - 0.1, Math.Ceiling(max * 2) / 2 + 0.1);
        var rates = string.Join(", ", levels.Where(l => l.Saturation is not null).Select(l => $"N = {l.N}: {Targets.SaturatedRate(l.Saturation!):F1}/s"));
        plot.Title($"Livechat on the Functions host: latency per N (K = {result.Options.Exchanges}), log scale" +
                   (rates.Length > 0 ? $"\nbot replies/s at saturation {rates}; echo ceiling {result.Floors.EchoEventsPerSecond:F1} events/s" : ""));
        plot.YLabel("latency");
        plot.XLabel("concurrent conversations");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 1400, 720);
    }
}
