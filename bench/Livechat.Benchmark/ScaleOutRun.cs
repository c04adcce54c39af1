using System.Globalization;
using System.Diagnostics;
using System.Text;

namespace Livechat.Benchmark;

/// <summary>
/// <c>./bench.sh --scale-out</c>: the long form of tests/Livechat.EndToEnd.Tests/ScaleOutTests. Two Livechat hosts on
/// one task hub behind a round-robin front end, their storage behind the counting proxies: N bot conversations
/// split over both (0 lost, 0 duplicated), then a second load during which one host is killed and its rooms go on
/// on the other, then a third during which it is started again and takes its partitions back. Prints a Markdown report; exits non-zero when anything was lost, duplicated or failed.
/// </summary>
public static class ScaleOutRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Clicks per conversation while the replacement starts: with 3 s between them, about 40 s of chat.</summary>
    private const int ReplacementClicks = 12;

    public static async Task<(string Markdown, bool Clean)> RunAsync(int conversations, int clicks, StorageProxies proxies, TextWriter progress, CancellationToken ct)
    {
        progress.WriteLine($"Scale-out: starting two Livechat hosts on one task hub ({conversations} conversations, {clicks} clicks each)…");
        await using var app = await ServerHosts.StartLivechatScaleOutAsync(proxies, 2);
        var settling = Stopwatch.StartNew();
        await PartitionLeases.WaitUntilSettledAsync(app, TimeSpan.FromMinutes(3), ct);
        progress.WriteLine($"Scale-out: the partition leases settled over both instances {settling.Elapsed.TotalSeconds:0} s after both hosts started.");
        var md = new StringBuilder();
        md.AppendLine("# Scale-out: two instances on one task hub").AppendLine();
        md.AppendLine($"Two Functions hosts with the Livechat app on one task hub ({app.TaskHubName}), one set of tables and one SignalR hub, " +
                      "behind a loopback round-robin front end (each request to the next instance; a killed instance is skipped). " +
                      $"Each conversation: a session, a realtime connection, a room, the greeting, {clicks} button clicks each answered by the bot, the close; " +
                      "then its transcript is checked against what the visitor did.").AppendLine();

        var storageBefore = proxies.Snapshot();
        var served = (app.Proxy.Served(0), app.Proxy.Served(1));
        var split = new ScaleOutLoad(app.BaseAddress, new ScaleOutOptions(conversations, clicks, Concurrency: Math.Min(conversations, 100), TimeSpan.FromSeconds(120)));
        progress.WriteLine($"Scale-out: {conversations} conversations over both instances…");
        var first = await split.RunAsync(ct);
        var storage = proxies.Snapshot() - storageBefore;
        var perInstance = (app.Proxy.Served(0) - served.Item1, app.Proxy.Served(1) - served.Item2);
        progress.WriteLine("Scale-out: " + first.Summary());
        md.AppendLine("| run | conversations | completed | lost | duplicated | errors | retried calls | bot reply p50 / p99 | requests instance 0 / 1 | storage transactions per conversation (both hosts' idle polling included) | elapsed |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |");
        md.AppendLine(Row("split over both", first, $"{perInstance.Item1:N0} / {perInstance.Item2:N0}", storage, first.Completed));

        // The kill: a fifth of the conversations again, and one host killed once a third of their answers came.
        var killLoad = Math.Max(8, conversations / 5);
        storageBefore = proxies.Snapshot();
        var survivor = app.Proxy.Served(0);
        var killed = new ScaleOutLoad(app.BaseAddress, new ScaleOutOptions(killLoad, clicks, Concurrency: killLoad, TimeSpan.FromSeconds(180)));
        progress.WriteLine($"Scale-out: {killLoad} conversations, instance 1 killed mid-load…");
        var killedAfter = 0;
        var second = await killed.RunAsync(killLoad * clicks / 3, () =>
        {
            killedAfter = killed.RepliesHeard;
            app.Hosts[1].Kill();
            return Task.CompletedTask;
        }, ct);
        storage = proxies.Snapshot() - storageBefore;
        progress.WriteLine("Scale-out (kill): " + second.Summary());
        md.AppendLine(Row($"instance 1 killed after {killedAfter} answers", second, $"{app.Proxy.Served(0) - survivor:N0} / (killed)", storage, second.Completed));

        // The replacement, as the platform starts one while visitors chat: the new instance takes its share of the
        // partitions over from the survivor. Visitors pause between clicks so that the conversations outlast the
        // host's start and the hand-over, whose wait is the run's bot reply p99.
        storageBefore = proxies.Snapshot();
        served = (app.Proxy.Served(0), app.Proxy.Served(1));
        var joining = new ScaleOutLoad(app.BaseAddress, new ScaleOutOptions(killLoad, ReplacementClicks, Concurrency: killLoad, TimeSpan.FromSeconds(180), ThinkTime: TimeSpan.FromSeconds(3)));
        progress.WriteLine($"Scale-out: {killLoad} conversations of {ReplacementClicks} clicks, instance 1 started again mid-load…");
        var joinedAfter = 0;
        var third = await joining.RunAsync(killLoad, () =>
        {
            joinedAfter = joining.RepliesHeard;
            return app.Hosts[1].StartAsync();
        }, ct);
        storage = proxies.Snapshot() - storageBefore;
        progress.WriteLine("Scale-out (replacement): " + third.Summary());
        md.AppendLine(Row($"instance 1 replaced after {joinedAfter} answers", third,
            $"{app.Proxy.Served(0) - served.Item1:N0} / {app.Proxy.Served(1) - served.Item2:N0}", storage, third.Completed));
        md.AppendLine();
        md.AppendLine($"Realtime: {first.RealtimeMissed + second.RealtimeMissed} transcript messages not heard live (a host killed between its write and its send leaves them to the transcript, " +
                      $"which the widget reads on reconnect), {first.RealtimeDuplicated + second.RealtimeDuplicated} heard twice. " +
                      "The bot reply p99 of the kill run is the time the Durable partition leases of the killed host took to move " +
                      "(lease expiry, then the control-queue messages it had taken becoming visible again). The bot reply p99 of the replacement run is " +
                      "the hand-over of the partitions the new instance took: the survivor stops taking their messages and lets go once the rooms it " +
                      "holds in memory have been idle for host.json's extendedSessionIdleTimeoutInSeconds.");
        var clean = first.Clean && second.Clean && third.Clean;
        if (!clean)
            md.AppendLine().AppendLine("Problems:").AppendLine().AppendLine("```").AppendLine(first.Summary()).AppendLine(second.Summary()).AppendLine(third.Summary()).AppendLine("```");
        return (md.ToString(), clean);
    }

    private static string Row(string run, ScaleOutOutcome o, string requests, StorageCounts storage, int completed) =>
        $"| {run} | {o.Conversations} | {o.Completed} | {o.Lost.Count} | {o.Duplicated.Count} | {o.Errors.Count} | {o.Retries} | " +
        $"{Ms(o.Reply.P50)} / {Ms(o.Reply.P99)} ms | {requests} | {Per(storage.AppTables, completed)} app tables, {Per(storage.Total, completed)} in all | {o.Elapsed.TotalSeconds.ToString("F0", Inv)} s |";

    private static string Per(long count, int conversations) => (count / (double)Math.Max(1, conversations)).ToString("F1", Inv);

    private static string Ms(double v) => double.IsNaN(v) ? "–" : v.ToString("F0", Inv);
}
