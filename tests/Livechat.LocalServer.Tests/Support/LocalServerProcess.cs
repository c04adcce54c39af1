using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Livechat.LocalServer.Tests.Support;

/// <summary>
/// The local server as its own process, on a free loopback port, with its own tables and task hub on Azurite.
/// It can be killed and started again on the same storage, which is what a restart test needs.
/// </summary>
public sealed class LocalServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public LocalServerProcess(IDictionary<string, string>? settings = null)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        _settings = new Dictionary<string, string>
        {
            ["Storage__TablePrefix"] = "t" + id,
            ["Durable__TaskHubName"] = "hub" + id,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) _settings[key] = value;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
    }

    public int Port { get; }
    public string TablePrefix => _settings["Storage__TablePrefix"];
    public string TaskHubName => _settings["Durable__TaskHubName"];

    /// <summary>The running server's process id (for its peak memory), or null when it is not running.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;
    public Uri BaseAddress { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<LocalServerProcess> StartAsync(IDictionary<string, string>? settings = null)
    {
        var server = new LocalServerProcess(settings);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var directory = RepoPaths.LocalServerDirectory;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(directory, "Livechat.LocalServer.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        info.ArgumentList.Add("--contentRoot");
        info.ArgumentList.Add(directory);
        foreach (var (key, value) in _settings) info.Environment[key] = value;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException("The local server exited:\n" + Output);
            try
            {
                var response = await http.GetAsync("api/widget.js");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The local server did not answer:\n" + Output);
    }

    /// <summary>Kills the process at once, as a crash would: no graceful shutdown.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
