using Livechat.Benchmark;
using Livechat.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// The load benchmark (bench/Livechat.Benchmark) in smoke mode, as `./bench.sh --smoke` runs it: 5 visitors with
/// the bot and 5 rooms with agents, 3 exchanges each, the floors, the storage counting proxy and the cost model,
/// against the local server as its own process. Every call must succeed and every reply arrive.
/// </summary>
public sealed class BenchmarkSmokeTests(ITestOutputHelper output)
{
    private const string AdminKey = "benchmark-smoke-admin-key-0123456789-abcdefghij";

    [Fact]
    public async Task Smoke_FiveVisitorsAndFiveAgentRooms_NoErrorsNoLostReplies_AndEveryCountMeasured()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var proxies = new StorageProxies(AzuriteEndpoints.Default);
        var log = new StringWriter();

        var result = await BenchmarkRun.RunAsync(BenchmarkOptions.Smoke, proxies, async _ =>
        {
            var server = await FunctionsHost.StartAsync(new Dictionary<string, string>
            {
                ["Storage__ConnectionString"] = proxies.ConnectionString,
                
                ["Admin__ApiKey"] = AdminKey,
            });
            return new Lease(server, new ServerTarget(server.BaseAddress, AdminKey, server.TablePrefix, server.TaskHubName, server.ProcessIds.Count > 0 ? server.ProcessIds[0] : null));
        }, log, cancel.Token);
        var report = Report.Markdown(result, "BenchmarkSmokeTests");
        output.WriteLine(log.ToString());
        output.WriteLine(report);

        Assert.Equal(0, result.Errors);
        var level = Assert.Single(result.Levels);
        Assert.Equal(5 * 3, level.Bot.Realtime["bot reply (send → reply over SignalR)"].Count);
        Assert.Equal(5 * 3, level.Agent!.Realtime["visitor → agent (send → agent hears it)"].Count);
        Assert.True(level.BotStorage.AppTables > 0 && level.BotStorage.DurableTables > 0 && level.BotStorage.Queues > 0, "storage requests are counted");
        Assert.True(level.BotHistory.Episodes > 0 && level.BotHistory.Activities > 0, "orchestration history is read");
        Assert.True(level.PeakMemoryBytes > 0, "peak memory is read");
        Assert.True(result.Floors.OrchestrationEcho.Count > 0 && result.Floors.TableUpsert.Count > 0 && result.Floors.HttpRoundTrip.Count > 0);
        Assert.Contains("Cost per 1,000 conversations", report);
    }

    private sealed class Lease(FunctionsHost server, ServerTarget target) : IServerLease
    {
        public ServerTarget Target { get; } = target;

        public ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
