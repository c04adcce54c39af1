namespace Livechat.LocalStack;

/// <summary>
/// The app scaled out as Azure scales it: several Functions hosts on one set of tables, one task hub and one SignalR
/// hub, behind a round-robin front end (<see cref="RoundRobinProxy"/>). Each host is a <see cref="FunctionsHost"/>
/// of its own (it can be killed and started again); only the storage and hub names are shared.
/// </summary>
public sealed class ScaleOut : IAsyncDisposable
{
    private const string Stamp = "loopback";

    private ScaleOut(IReadOnlyList<FunctionsHost> hosts, RoundRobinProxy proxy, IReadOnlyList<string> workerNames)
    {
        Hosts = hosts;
        Proxy = proxy;
        WorkerNames = workerNames;
    }

    /// <summary>The name each host's Durable worker goes by (a partition's owner in the task hub's Partitions table).</summary>
    public IReadOnlyList<string> WorkerNames { get; }

    public IReadOnlyList<FunctionsHost> Hosts { get; }
    public RoundRobinProxy Proxy { get; }

    /// <summary>Where clients call the app: the front end.</summary>
    public Uri BaseAddress => Proxy.BaseAddress;

    public string TablePrefix => Hosts[0].TablePrefix;
    public string TaskHubName => Hosts[0].TaskHubName;
    public string AdminKey => Hosts[0].AdminKey;

    /// <summary>
    /// Starts <paramref name="count"/> hosts at once with <paramref name="settings"/> (as <see cref="FunctionsHost.StartAsync(IDictionary{string, string}?, string?, string?)"/>
    /// takes them) and the same storage and hub names. <paramref name="logPath"/> gives host i's log file, if any.
    /// </summary>
    public static async Task<ScaleOut> StartAsync(int count, IDictionary<string, string>? settings = null, Func<int, string?>? logPath = null, string? appDirectory = null)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var shared = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Storage__TablePrefix"] = "t" + id,
            ["TaskHubName"] = "hub" + id,
            ["SignalR__HubName"] = "h" + id,
        };
        var roles = Enumerable.Range(0, count).Select(i => $"instance-{i}-{id}").ToList();
        var starting = Enumerable.Range(0, count).Select(i =>
        {
            // Azure names each instance, and the Durable extension names its worker "{stamp}:{role instance}" from these
            // two: its partition manager tells workers apart by that name, and two hosts with the same one (the
            // machine's name, the default) would each take the other's partition leases as their own.
            var own = new Dictionary<string, string>(shared) { ["WEBSITE_CURRENT_STAMPNAME"] = Stamp, ["RoleInstanceId"] = roles[i] };
            return FunctionsHost.StartAsync(own, logPath?.Invoke(i), appDirectory);
        }).ToList();
        try
        {
            var hosts = await Task.WhenAll(starting);
            return new ScaleOut(hosts, new RoundRobinProxy(hosts.Select(h => h.BaseAddress)), [.. roles.Select(r => $"{Stamp}:{r}")]);
        }
        catch
        {
            foreach (var task in starting)
                if (task.IsCompletedSuccessfully) await task.Result.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Proxy.Dispose();
        await Task.WhenAll(Hosts.Select(h => h.DisposeAsync().AsTask()));
    }
}
