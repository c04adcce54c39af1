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

    private ServerProcess(Process process, ServerTarget target)
    {
        _process = process;
        Target = target;
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
        process.OutputDataReceived += (_, e) => { lock (server._output) if (server._output.Length < 100_000) server._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (server._output) if (server._output.Length < 100_000) server._output.AppendLine(e.Data); };
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
        // For a look at what the server said (warnings and errors): BENCH_SERVER_LOG=/path/prefix.
        if (Environment.GetEnvironmentVariable("BENCH_SERVER_LOG") is { Length: > 0 } logPrefix)
            lock (_output) File.WriteAllText($"{logPrefix}-{_process.Id}.log", _output.ToString());
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
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
