using Livechat.LocalStack;

namespace Livechat.Benchmark;

/// <summary>
/// The apps the benchmark runs, each on the Azure Functions host as processes of their own (LocalStack's
/// <see cref="FunctionsHost"/>: the host and its worker on a free loopback port, with their own tables and task hub):
/// the Livechat app, a fresh one for each phase, and the echo app of the orchestration floor. Both have their
/// storage, the Durable engine's included, behind the counting proxies and run with the root host.json.
/// </summary>
public static class ServerHosts
{
    private static int _started;

    public static string LivechatAppDirectory => StackPaths.FunctionsAppDirectory;

    public static string EchoAppDirectory => Path.Combine(StackPaths.Root, "bench", "Livechat.Benchmark.EchoApp", "bin", StackPaths.Configuration, "net10.0");

    /// <summary>
    /// The two apps' build output, copied once per run: the host restarts its app when files in the app's folder
    /// change, so a rebuild during the run (a developer's, a test run's in the same working tree) would otherwise
    /// swap the app under test mid-phase.
    /// </summary>
    private static readonly Lazy<(string Livechat, string Echo)> Snapshot = new(() =>
    {
        // Named by this process, so a copy whose process is gone can be told apart and deleted: a test host is
        // stopped without waiting for its exit handlers, which leaves its copy behind (30 MB each).
        const string prefix = "livechat-bench-apps-";
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
            if (int.TryParse(Path.GetFileName(stale)[prefix.Length..], out var pid) && !Directory.Exists($"/proc/{pid}"))
                Delete(stale);
        var root = Path.Combine(Path.GetTempPath(), prefix + Environment.ProcessId);
        Delete(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(root);
        return (Copy(LivechatAppDirectory, Path.Combine(root, "livechat")), Copy(EchoAppDirectory, Path.Combine(root, "echo")));
    });

    public static Task<FunctionsHost> StartLivechatAsync(StorageProxies proxies) => StartAsync(proxies, "livechat", Snapshot.Value.Livechat);

    /// <summary>The Livechat app with <paramref name="settings"/> over the phases' settings (the retention run's).</summary>
    public static Task<FunctionsHost> StartLivechatAsync(StorageProxies proxies, IReadOnlyDictionary<string, string> settings)
    {
        var all = Settings(proxies);
        foreach (var (key, value) in settings) all[key] = value;
        return FunctionsHost.StartAsync(all, LogPath("livechat"), Snapshot.Value.Livechat);
    }

    public static Task<FunctionsHost> StartEchoAsync(StorageProxies proxies) => StartAsync(proxies, "echo", Snapshot.Value.Echo);

    /// <summary>The app folders that are not built, for a clear message before anything starts.</summary>
    public static IEnumerable<string> Unbuilt() =>
        new[] { LivechatAppDirectory, EchoAppDirectory }.Where(d => !File.Exists(Path.Combine(d, "functions.metadata")));

    /// <summary>
    /// Two or more Livechat hosts on one task hub, tables and SignalR hub behind a round-robin front end
    /// (<c>./bench.sh --scale-out</c>), with the same settings as the phases' one host.
    /// </summary>
    public static Task<ScaleOut> StartLivechatScaleOutAsync(StorageProxies proxies, int instances) =>
        ScaleOut.StartAsync(instances, Settings(proxies), i => LogPath($"livechat{i}"), Snapshot.Value.Livechat);

    private static Task<FunctionsHost> StartAsync(StorageProxies proxies, string app, string appDirectory) =>
        FunctionsHost.StartAsync(Settings(proxies), LogPath(app), appDirectory);

    private static Dictionary<string, string> Settings(StorageProxies proxies)
    {
        var settings = new Dictionary<string, string>
        {
            // FunctionsHost makes it the host's AzureWebJobsStorage too: the engine's requests are counted with the app's.
            ["Storage__ConnectionString"] = proxies.ConnectionString,
            // The history phase sends up to 1,000 messages in one session within minutes: above the default per-session
            // brake (30 a minute, in memory, no storage cost), so the benchmark's app lifts it to its maximum.
            ["Limits__MessagesPerMinute"] = "10000",
            // Every simulated visitor comes from loopback, one network address: N = 500 is above the default 300
            // sessions and 120 new chats an hour from one address, so the per-address limits are off (0).
            ["Limits__SessionsPerAddressPerHour"] = "0",
            ["Limits__RoomsPerAddressPerHour"] = "0",
            // Warnings and errors only: Information logs a few lines per invocation, work the 2 cores would share with
            // the load. Host.Startup stays at Information because FunctionsHost waits for its "Job host started".
            ["AzureFunctionsJobHost__logging__logLevel__default"] = "Warning",
            ["AzureFunctionsJobHost__logging__logLevel__Host.Startup"] = "Information",
        };
        return settings;
    }

    /// <summary>
    /// For a look at what a host said over a whole run: BENCH_SERVER_LOG=/path/prefix, one file per host, each line
    /// with the time it arrived, so an overload can be lined up with the phases.
    /// </summary>
    private static string? LogPath(string app) =>
        Environment.GetEnvironmentVariable("BENCH_SERVER_LOG") is { Length: > 0 } prefix
            ? $"{prefix}-{Interlocked.Increment(ref _started):00}-{app}.log"
            : null;

    private static void Delete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string Copy(string from, string to)
    {
        // Hidden entries included: the host loads the app's extensions from .azurefunctions/.
        var all = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        foreach (var directory in Directory.EnumerateDirectories(from, "*", all))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", all))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        return to;
    }
}

/// <summary>
/// Peak resident memory (VmHWM in /proc/&lt;pid&gt;/status, Linux) summed over processes, in bytes: the Functions host
/// and its worker each hold their own runtime and heap, and an instance's memory is both. A sum of peaks, so at most
/// a little above the pair's peak at any one moment.
/// </summary>
public static class PeakMemory
{
    public static long? Of(IEnumerable<int> processIds)
    {
        long? total = null;
        foreach (var pid in processIds)
            if (Of(pid) is { } bytes) total = (total ?? 0) + bytes;
        return total;
    }

    private static long? Of(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        }
        catch (IOException)
        {
        }
        return null;
    }
}
