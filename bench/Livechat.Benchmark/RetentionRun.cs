using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace Livechat.Benchmark;

/// <summary>
/// <c>./bench.sh --retention</c>: the task hub under a short retention. One Livechat host with
/// <c>Retention__EndedRoomDays</c> set to <see cref="Keep"/> and a fast sweeper; two batches of C bot conversations
/// (K clicks, close), each followed by a wait for the sweeper's purge. After each batch and each purge: the rows of
/// the task hub's History and Instances tables and of the app's Rooms table, and the query of one room's whole
/// history. Without retention the History table holds every batch's rows (it grew to 12,000 rows and its room
/// query from 2.5 to 7.8 ms p50 over one run of the levels); with it, it holds at most the rooms of one retention
/// window. Prints a Markdown report; exits non-zero when a conversation failed or a purge did not come.
/// </summary>
public static class RetentionRun
{
    /// <summary>How long an ended room is kept in this run (the setting is in days; fractions are allowed).</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromSeconds(60);

    /// <summary>The sweeper's interval; it purges once a generation (ten sweeps), so every 50 s here.</summary>
    public static readonly TimeSpan Sweep = TimeSpan.FromSeconds(5);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<(string Markdown, bool Clean)> RunAsync(int conversations, int exchanges, StorageProxies proxies, TextWriter progress, CancellationToken ct)
    {
        var settings = new Dictionary<string, string>
        {
            ["Retention__EndedRoomDays"] = Keep.TotalDays.ToString("R", Inv),
            ["Rooms__IdleSweepInterval"] = Sweep.ToString("c", Inv),
        };
        progress.WriteLine($"Retention: one Livechat host keeping ended rooms {Keep.TotalSeconds:0} s, {conversations} conversations of K = {exchanges}, twice…");
        await using var server = await ServerHosts.StartLivechatAsync(proxies, settings);
        var target = ServerTarget.Of(server);
        var direct = proxies.Direct.ConnectionString;
        using var http = MeasuredApi.CreateHttpClient(target.BaseAddress);
        var scenario = new Scenario(target, http, TimeSpan.FromSeconds(60));
        var tables = new HubTables(direct, target);

        var rows = new List<string>();
        var clean = true;
        var clock = Stopwatch.StartNew();
        for (var batch = 1; batch <= 2; batch++)
        {
            PhaseMetrics bot;
            using (var phase = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                phase.CancelAfter(TimeSpan.FromMinutes(5));
                bot = await scenario.RunBotPhaseAsync(conversations, exchanges, TimeSpan.FromSeconds(conversations / 50.0), 1, phase.Token);
            }
            clean &= bot.Errors + bot.LostReplies == 0 && bot.Completed == conversations;
            progress.WriteLine($"Retention: batch {batch}: {bot.Completed}/{conversations} completed, {bot.Errors} errors, {bot.LostReplies} lost ({clock.Elapsed.TotalSeconds:F0} s)");
            var someRoom = bot.RoomIds.FirstOrDefault();
            // The rooms' flows end a moment after their close; their last history rows come then.
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            var after = await tables.CountAsync(someRoom, ct);
            rows.Add(Row($"after batch {batch} ({conversations} conversations ended)", clock.Elapsed, after));
            progress.WriteLine($"  {after}");

            var purged = await tables.WaitForPurgeAsync(bot.RoomIds, Keep + 10 * Sweep + TimeSpan.FromMinutes(3), ct);
            clean &= purged is not null;
            var left = await tables.CountAsync(null, ct);
            rows.Add(Row(purged is { } took ? $"after the purge of batch {batch} (its rooms gone {took.TotalSeconds:F0} s after the count above)" : $"batch {batch} not purged in time", clock.Elapsed, left));
            progress.WriteLine($"  {left}");
        }

        var md = new StringBuilder();
        md.AppendLine("# Retention: the task hub stays small").AppendLine();
        md.AppendLine($"One Functions host with the Livechat app, its storage (the Durable engine's included) on a fresh in-memory Azurite, " +
                      $"`Retention__EndedRoomDays` = {Keep.TotalDays.ToString("G4", Inv)} ({Keep.TotalSeconds:0} s) and the sweeper every {Sweep.TotalSeconds:0} s " +
                      $"(it purges once every ten sweeps). Two batches of {conversations} bot conversations (K = {exchanges} clicks, then the close), " +
                      "each followed by a wait for its rooms' purge. Rows are counted in Azurite directly; one room's history is the query " +
                      "an orchestrator episode starts with when the room is not held in memory (measured on a room of the batch, 20 times).").AppendLine();
        md.AppendLine("| when | s | History rows | Instances rows | Rooms table rows | one room's history p50 ms | p99 ms |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows) md.AppendLine(row);
        md.AppendLine();
        md.AppendLine("Without retention, each batch adds its rows to the last: the History table holds every room ever run, and Azurite's query " +
                      "of one room slows as the table fills. With it, the table holds at most the rooms that ended within one retention window plus " +
                      "one sweeper generation, whatever the deployment's age.");
        return (md.ToString(), clean);
    }

    private static string Row(string when, TimeSpan at, HubCounts c) =>
        $"| {when} | {at.TotalSeconds.ToString("F0", Inv)} | {c.History:N0} | {c.Instances:N0} | {c.Rooms:N0} | {Ms(c.RoomHistory?.P50)} | {Ms(c.RoomHistory?.P99)} |";

    private static string Ms(double? v) => v is { } ms && !double.IsNaN(ms) ? ms.ToString("F1", Inv) : "–";

    private sealed record HubCounts(long History, long Instances, long Rooms, Percentiles? RoomHistory)
    {
        public override string ToString() =>
            $"History {History:N0} rows, Instances {Instances:N0}, Rooms {Rooms:N0}" + (RoomHistory is { } q ? $", one room's history p50 {q.P50:F1} ms" : "");
    }

    private sealed class HubTables(string connectionString, ServerTarget target)
    {
        private readonly TableClient _history = new(connectionString, target.TaskHubName + "History");
        private readonly TableClient _instances = new(connectionString, target.TaskHubName + "Instances");
        private readonly TableClient _rooms = new(connectionString, target.TablePrefix + "Rooms");

        public async Task<HubCounts> CountAsync(string? roomId, CancellationToken ct)
        {
            // With a room, its history query is timed, and that call counts the History table's rows too.
            var (query, history) = roomId is null
                ? ((Percentiles?)null, await Floors.CountRowsAsync(_history, ct))
                : await Floors.HistoryTableAfterAsync(connectionString, target.TaskHubName, roomId, 20, ct);
            return new HubCounts(history, await Floors.CountRowsAsync(_instances, ct), await Floors.CountRowsAsync(_rooms, ct), query);
        }

        /// <summary>Waits until none of the rooms' instances is left in the Instances table; null after <paramref name="bound"/>.</summary>
        public async Task<TimeSpan?> WaitForPurgeAsync(IEnumerable<string> roomIds, TimeSpan bound, CancellationToken ct)
        {
            var waiting = roomIds.ToHashSet();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < bound)
            {
                foreach (var room in waiting.ToList())
                    if (!(await _instances.GetEntityIfExistsAsync<TableEntity>(room, "", ["RuntimeStatus"], ct)).HasValue) waiting.Remove(room);
                if (waiting.Count == 0) return clock.Elapsed;
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
            return null;
        }
    }
}
