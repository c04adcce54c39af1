using Azure.Data.Tables;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Livechat.Benchmark;

/// <summary>
/// The floors each measured path is compared with, measured in the same run against the same Azurite.
/// <paramref name="TableUpsertProxied"/>: the same upsert through the counting proxy, the path every storage call of
/// the server takes, so what the proxy adds to a call can be told from what the server does.
/// </summary>
public sealed record FloorResults(Percentiles TableUpsert, Percentiles TableUpsertProxied, Percentiles HttpRoundTrip, Percentiles OrchestrationEcho, Percentiles OrchestrationEchoSaturated, double EchoEventsPerSecond, int EchoInstances, int EchoErrors,
    Percentiles? OrchestrationStart = null, WidgetWeight? Widget = null)
{
    /// <summary>A bare orchestration start: the echo app's <c>POST</c> that schedules a new instance (the floor of <c>openRoom</c>).</summary>
    public Percentiles StartFloor => OrchestrationStart ?? Percentiles.Empty;
}

/// <summary>The orchestration echo: one instance alone (the floor for ratios), and several at once (saturation).</summary>
public sealed record EchoResults(Percentiles Single, Percentiles Saturated, double EventsPerSecond, int Errors, Percentiles Start);

public static class Floors
{
    /// <summary>How the bare upsert floor's table names start, so that the storage counts label them apart.</summary>
    public const string TablePrefix = "benchfloor";

    /// <summary>A bare Azure.Data.Tables upsert (replace) round trip against Azurite, one at a time.</summary>
    public static async Task<Percentiles> TableUpsertAsync(string connectionString, int samples, CancellationToken cancellationToken)
    {
        var table = new TableClient(connectionString, TablePrefix + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var latencies = new Latencies();
            for (var i = -5; i < samples; i++)
            {
                var entity = new TableEntity("floor", (i % 10).ToString()) { ["Value"] = i, ["Text"] = "a short value" };
                var started = Stopwatch.GetTimestamp();
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
                if (i >= 0) latencies.Add(Stopwatch.GetElapsedTime(started));
            }
            return latencies.Summarize();
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Azurite after a level: the query an orchestrator episode starts with when its room is not held in memory (all
    /// history rows of one instance, by partition), and the History table's row count. Azure answers it by partition;
    /// if Azurite's time grows with the table, the engine's slowdown at large N is the emulator's.
    /// </summary>
    public static async Task<(Percentiles Query, long Rows)> HistoryTableAfterAsync(string connectionString, string taskHubName, string instanceId, int samples, CancellationToken cancellationToken)
    {
        var table = new TableClient(connectionString, taskHubName + "History");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        var query = await TimeAsync(samples, async () =>
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) { }
        });
        return (query, await CountRowsAsync(table, cancellationToken));
    }

    /// <summary>
    /// Azurite after a level: a point read of one row in the level's Rooms table (the read every message starts
    /// with) and the table's row count. Azurite keeps tables in memory and slows as they grow; Azure Table Storage
    /// serves a point read in the same time whatever the table's size, so this tells the emulator's share of a slowdown.
    /// </summary>
    public static async Task<(Percentiles PointRead, long Rows)> RoomsTableAfterAsync(string connectionString, string tableName, string roomId, int samples, CancellationToken cancellationToken)
    {
        var table = new TableClient(connectionString, tableName);
        var pointRead = await TimeAsync(samples, () => table.GetEntityIfExistsAsync<TableEntity>(roomId, "room", cancellationToken: cancellationToken));
        return (pointRead, await CountRowsAsync(table, cancellationToken));
    }

    /// <summary>Times <paramref name="call"/> one at a time, <paramref name="samples"/> times after 5 unmeasured warm-ups.</summary>
    private static async Task<Percentiles> TimeAsync(int samples, Func<Task> call)
    {
        var latencies = new Latencies();
        for (var i = -5; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            if (i >= 0) latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return latencies.Summarize();
    }

    /// <summary>The table's rows, counted one page of keys at a time (Azurite directly); 0 for a table not created.</summary>
    public static async Task<long> CountRowsAsync(TableClient table, CancellationToken cancellationToken)
    {
        long rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"], maxPerPage: 1000, cancellationToken: cancellationToken)) rows++;
        return rows;
    }

    /// <summary>
    /// The HTTP floor: GET /api/widget.js with its ETag (answered 304 with no body and no storage call) against the
    /// server under test: Kestrel, routing and loopback, nothing of the app's work. The hub is server-to-client only,
    /// so there is no SignalR echo to measure; the agent path is the realtime path without orchestration.
    /// </summary>
    public static async Task<Percentiles> HttpRoundTripAsync(HttpClient http, int samples, CancellationToken cancellationToken)
    {
        using var first = await http.GetAsync("api/widget.js", cancellationToken);
        first.EnsureSuccessStatusCode();
        var etag = first.Headers.ETag?.Tag;
        var latencies = new Latencies();
        for (var i = -5; i < samples; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/widget.js");
            if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (i >= 0) latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return latencies.Summarize();
    }

    /// <summary>
    /// The orchestration floor: the benchmark's echo app (bench/Livechat.Benchmark.EchoApp) on the same Functions host,
    /// host.json and storage path as the Livechat app, an orchestration that echoes each raised event through one
    /// activity. Measures the HTTP call that raises the event → the activity ran (the point where the bot path would
    /// send its reply): first one instance alone (the unloaded floor), then several instances at once, each raising
    /// its next event when the previous echo arrived (a closed loop at saturation), with echoes per second. The host
    /// runs while the Livechat app's host idles beside it, and its task hub is deleted after it.
    /// </summary>
    public static async Task<EchoResults> OrchestrationEchoAsync(
        StorageProxies proxies, int singleEvents, int instances, int eventsPerInstance, TextWriter log, CancellationToken cancellationToken)
    {
        var host = await ServerHosts.StartEchoAsync(proxies);
        var latencies = new Latencies();
        var single = new Latencies();
        var starts = new Latencies();
        var errors = 0;
        try
        {
            using var http = MeasuredApi.CreateHttpClient(host.BaseAddress);
            starts.Add(await StartEchoAsync(http, "alone", singleEvents + 1, cancellationToken));
            for (var e = 0; e <= singleEvents; e++)
            {
                var elapsed = await EchoAsync(http, "alone", "alone" + e, cancellationToken);
                if (elapsed is not { } ms) errors++;
                else if (e > 0) single.Add(ms); // the first includes the instance's start
            }

            var started = Enumerable.Range(0, instances).Select(i => $"echo{i}").ToList();
            foreach (var instance in started) starts.Add(await StartEchoAsync(http, instance, eventsPerInstance, cancellationToken));

            // Warm-up: one echo per instance, so instance start-up is not in the figures.
            await Task.WhenAll(started.Select(instance => EchoAsync(http, instance, "warm", cancellationToken)));

            var clock = Stopwatch.StartNew();
            await Task.WhenAll(started.Select(async instance =>
            {
                for (var e = 1; e < eventsPerInstance; e++)
                {
                    var elapsed = await EchoAsync(http, instance, e.ToString(), cancellationToken);
                    if (elapsed is { } ms) latencies.Add(ms);
                    else Interlocked.Increment(ref errors);
                }
            }));
            var rate = latencies.Count / clock.Elapsed.TotalSeconds;
            return new EchoResults(single.Summarize(), latencies.Summarize(), rate, errors, starts.Summarize());
        }
        finally
        {
            await host.DisposeAsync();
            await StorageCleanup.DeleteAsync(proxies.Direct.ConnectionString, ServerTarget.Of(host), log, cancellationToken);
        }
    }

    /// <summary>Starts an echo instance; the round trip is the bare orchestration start (the instance row written, its first message queued).</summary>
    private static async Task<TimeSpan> StartEchoAsync(HttpClient http, string instanceId, int events, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync($"api/echo/{instanceId}?events={events}", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(sent);
    }

    /// <summary>One echo, raise → activity ran; null when it failed or took more than 30 s.</summary>
    private static async Task<TimeSpan?> EchoAsync(HttpClient http, string instanceId, string tag, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsync($"api/echo/{instanceId}/ping/{tag}?timeoutSeconds=30", null, cancellationToken);
            var heard = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode) return null;
            var ranAt = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("ranAt").GetInt64();
            // The worker's Stopwatch reads the same system-wide monotonic clock as this process's (Linux), so the
            // activity's time needs no way back; one outside [sent, heard] would not be that clock: count to the answer.
            return Stopwatch.GetElapsedTime(sent, ranAt >= sent && ranAt <= heard ? ranAt : heard);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
