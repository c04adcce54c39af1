using Livechat.Benchmark;
using Xunit.Abstractions;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// The load benchmark (bench/Livechat.Benchmark) in smoke mode, as `./bench.sh --smoke` runs it: 5 visitors with
/// the bot and 5 rooms with agents, 3 exchanges each, the floors (the echo app on its own Functions host included),
/// the storage counting proxy and the cost model, against the Livechat app on the Functions host. Every call must
/// succeed and every reply arrive.
/// </summary>
public sealed class BenchmarkSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Smoke_FiveVisitorsAndFiveAgentRooms_NoErrorsNoLostReplies_AndEveryCountMeasured()
    {
        // Four host starts (5-8 s each on 2 cores), the echo floor and the phases: about a minute; bounded at two.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var proxies = new StorageProxies(AzuriteEndpoints.Default);
        var log = new StringWriter();

        var result = await BenchmarkRun.RunAsync(BenchmarkOptions.Smoke, proxies, log, cancel.Token);
        var report = Report.Markdown(result, "BenchmarkSmokeTests");
        output.WriteLine(log.ToString());
        output.WriteLine(report);

        Assert.Equal(0, result.Errors);
        var level = Assert.Single(result.Levels);
        Assert.Equal(5 * 3, level.Bot.Realtime[Scenario.BotReply].Count);
        Assert.Equal(5 * 3, level.Agent!.Realtime[Scenario.VisitorToAgent].Count);
        Assert.True(level.BotStorage.AppTables > 0 && level.BotStorage.DurableTables > 0 && level.BotStorage.Queues > 0, "storage requests are counted, the host's Durable engine's included");
        // Every table is counted under its own name: "other" once hid the agent path's routing and presence rows.
        Assert.Equal(0, level.BotStorage["table/other"] + level.AgentStorage["table/other"]);
        Assert.True(level.AgentStorage["table/AgentActivity"] > 0, "the agents' routing and presence rows are counted under their table");
        Assert.True(level.BotHistory.Episodes > 0 && level.BotHistory.Activities > 0, "orchestration history is read");
        Assert.True(level.PeakMemoryBytes > 0, "peak memory is read");
        Assert.True(result.Floors.OrchestrationEcho.Count > 0 && result.Floors.OrchestrationEchoSaturated.Count > 0 && result.Floors.TableUpsert.Count > 0 && result.Floors.HttpRoundTrip.Count > 0);
        Assert.Equal(2, result.Cold!.HostStart.Count);
        Assert.Contains("Cost per 1,000 conversations", report);
        // Issue 23's floors and figures: a bare orchestration start beside openRoom, the widget's bytes as served.
        Assert.True(result.Floors.StartFloor.Count > 0, "the bare orchestration start is timed");
        Assert.True(result.Floors.Widget is { Brotli: > 0, Gzip: > 0, BundleBrotli: > 0 }, "the widget's loader and bundle are weighed");
        Assert.Equal(8, Targets.Evaluate(result).Count);
        Assert.Contains("Azure Communication Services", report);
    }
}
