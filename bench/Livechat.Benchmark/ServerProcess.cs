using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Livechat.Benchmark;

/// <summary>A server the benchmark runs against; disposing it stops it (when the benchmark started it).</summary>
public interface IServerLease : IAsyncDisposable
{
    ServerTarget Target { get; }
}

/// <summary>
/// The local server as its own process (`dotnet Livechat.LocalServer.dll`) on a free loopback port, with its own
/// tables and task hub, its storage pointed at the counting proxies.
/// </summary>
public sealed class ServerProcess : IServerLease
{
    public const string LocalDevelopmentAdminKey = "local-development-only-admin-key-never-use-in-azure";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private StreamWriter? _log;

    private ServerProcess(Process process, ServerTarget target)
    {
        _process = process;
        Target = target;
        // For a look at what the server said (warnings and errors) over a whole run: BENCH_SERVER_LOG=/path/prefix.
        // Written as it comes, each line with the time it arrived, so an overload can be lined up with the phases.
        if (Environment.GetEnvironmentVariable("BENCH_SERVER_LOG") is { Length: > 0 } logPrefix)
            _log = new StreamWriter($"{logPrefix}-{process.Id}.log") { AutoFlush = true };
    }

    public ServerTarget Target { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<ServerProcess> StartAsync(string serverDirectory, string storageConnectionString, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = serverDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(serverDirectory, "Livechat.LocalServer.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        info.ArgumentList.Add("--contentRoot");
        info.ArgumentList.Add(serverDirectory);
        var tablePrefix = "b" + id;
        var hub = "benchhub" + id;
        info.Environment["Storage__ConnectionString"] = storageConnectionString;
        info.Environment["Durable__ConnectionString"] = storageConnectionString;
        info.Environment["Storage__TablePrefix"] = tablePrefix;
        info.Environment["Durable__TaskHubName"] = hub;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // The history phase sends up to 1,000 messages in one session within minutes: above the default per-session
        // brake (30 a minute, in memory, no storage cost), so the benchmark's server lifts it to its maximum.
        info.Environment["Limits__MessagesPerMinute"] = "10000";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(info)!;
        var server = new ServerProcess(process, new ServerTarget(baseAddress, LocalDevelopmentAdminKey, tablePrefix, hub, process.Id));
        process.OutputDataReceived += (_, e) => server.Heard(e.Data);
        process.ErrorDataReceived += (_, e) => server.Heard(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException("The local server exited:\n" + server.Output);
            try
            {
                using var response = await http.GetAsync("api/widget.js", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200, cancellationToken);
        }
        await server.DisposeAsync();
        throw new TimeoutException("The local server did not answer:\n" + server.Output);
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        lock (_output)
        {
            _log?.Dispose();
            _log = null;
        }
        return ValueTask.CompletedTask;
    }

    // The first 100 KB are kept for the error message of a server that would not start.
    private void Heard(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length < 100_000) _output.AppendLine(line);
            _log?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Peak resident memory of a process (VmHWM in /proc/&lt;pid&gt;/status, Linux), in bytes.</summary>
public static class PeakMemory
{
    public static long? Of(int? processId)
    {
        if (processId is not { } pid) return null;
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        return null;
    }
}
