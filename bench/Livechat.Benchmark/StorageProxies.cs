using System.Text.RegularExpressions;

namespace Livechat.Benchmark;

/// <summary>
/// Counting proxies in front of Azurite's blob, queue and table ports. The server under test is pointed at
/// <see cref="ConnectionString"/>; the benchmark's own storage calls (floors, history reads) go to Azurite directly
/// and are not counted.
/// </summary>
public sealed partial class StorageProxies : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public, the same on every machine).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly CountingProxy _blob, _queue, _table;

    public StorageProxies(AzuriteEndpoints azurite)
    {
        Direct = azurite;
        _blob = new CountingProxy(azurite.BlobPort, r => "blob/" + BlobOperation(r));
        _queue = new CountingProxy(azurite.QueuePort, r => "queue/" + QueueOperation(r));
        _table = new CountingProxy(azurite.TablePort, r => "table/" + TableName(r));
        Proxied = new AzuriteEndpoints(_blob.Port, _queue.Port, _table.Port);
    }

    public AzuriteEndpoints Direct { get; }
    public AzuriteEndpoints Proxied { get; }
    public string ConnectionString => Proxied.ConnectionString;

    /// <summary>Requests counted so far by label, e.g. <c>table/Rooms</c>, <c>queue/GET</c>, <c>blob/lease</c>.</summary>
    public StorageCounts Snapshot()
    {
        var all = new Dictionary<string, long>();
        foreach (var proxy in new[] { _blob, _queue, _table })
            foreach (var (label, count) in proxy.Snapshot()) all[label] = count;
        return new StorageCounts(all);
    }

    private static string TableName(RequestInfo request)
    {
        var path = request.Target.Split('?')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : "";
        if (resource == "$batch")
        {
            var inner = BatchTarget().Match(request.BodyStart);
            return Logical(inner.Success ? inner.Groups[1].Value : "?") + " (batch)";
        }
        if (resource.StartsWith("Tables", StringComparison.Ordinal)) return "(create/delete table)";
        var name = resource.Split('(')[0];
        return Logical(name);
    }

    /// <summary>The table without its prefix (FunctionsHost's "t" and ten hex digits) or task hub name: Rooms, Sessions, … or Instances/History (Durable).</summary>
    private static string Logical(string table)
    {
        var durable = DurableTable().Match(table);
        if (durable.Success) return "Durable " + durable.Groups[1].Value;
        if (table.StartsWith(Floors.TablePrefix, StringComparison.Ordinal)) return "(the floor's upserts)";
        var app = AppTable().Match(table);
        return app.Success ? app.Groups[1].Value : "other";
    }

    [GeneratedRegex(@"^hub[0-9a-f]{10}(Instances|History|Partitions)$")]
    private static partial Regex DurableTable();

    [GeneratedRegex(@"^t[0-9a-f]{10}([A-Za-z]+)$")]
    private static partial Regex AppTable();

    private static string QueueOperation(RequestInfo request)
    {
        var path = request.Target.Split('?')[0];
        var messages = path.Contains("/messages", StringComparison.Ordinal);
        return (request.Method, messages) switch
        {
            ("GET", true) => "get messages",
            ("POST", true) => "put message",
            ("DELETE", true) => "delete message",
            ("PUT", true) => "update message",
            _ => request.Method.ToLowerInvariant() + " queue",
        };
    }

    private static string BlobOperation(RequestInfo request) =>
        request.Target.Contains("comp=lease", StringComparison.Ordinal) ? "lease" : request.Method.ToLowerInvariant();

    [GeneratedRegex(@"(?:POST|PUT|PATCH|MERGE|DELETE|GET) https?://[^/\s]+/[^/\s]+/([A-Za-z0-9]+)")]
    private static partial Regex BatchTarget();

    public async ValueTask DisposeAsync()
    {
        await _blob.DisposeAsync();
        await _queue.DisposeAsync();
        await _table.DisposeAsync();
    }
}

/// <summary>Azurite's three ports on loopback, and the connection string that reaches them.</summary>
public sealed record AzuriteEndpoints(int BlobPort, int QueuePort, int TablePort)
{
    public static AzuriteEndpoints Default { get; } = new(10000, 10001, 10002);

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={StorageProxies.AccountName};AccountKey={StorageProxies.AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{StorageProxies.AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{StorageProxies.AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{StorageProxies.AccountName};";

    /// <summary>Parses the ports of "blob,queue,table" (e.g. 20000,20001,20002).</summary>
    public static AzuriteEndpoints Parse(string ports)
    {
        var p = ports.Split(',').Select(int.Parse).ToArray();
        return new AzuriteEndpoints(p[0], p[1], p[2]);
    }
}

/// <summary>Storage requests by label; differences between two snapshots give a phase's requests.</summary>
public sealed record StorageCounts(IReadOnlyDictionary<string, long> ByLabel)
{
    public static StorageCounts Empty { get; } = new(new Dictionary<string, long>());

    public long this[string label] => ByLabel.TryGetValue(label, out var n) ? n : 0;

    public long Tables => Sum("table/");
    public long AppTables => ByLabel.Where(kv => kv.Key.StartsWith("table/", StringComparison.Ordinal) && !kv.Key.Contains("Durable", StringComparison.Ordinal)).Sum(kv => kv.Value);
    public long DurableTables => ByLabel.Where(kv => kv.Key.StartsWith("table/Durable", StringComparison.Ordinal)).Sum(kv => kv.Value);
    public long Queues => Sum("queue/");
    public long Blobs => Sum("blob/");
    public long Total => ByLabel.Values.Sum();

    private long Sum(string prefix) => ByLabel.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);

    public static StorageCounts operator -(StorageCounts after, StorageCounts before) =>
        new(after.ByLabel.ToDictionary(kv => kv.Key, kv => kv.Value - before[kv.Key]));
}
