using System.Net;

namespace Livechat.LocalStack;

/// <summary>
/// The Livechat Functions app on the Azure Functions host (built from source by shared/functions-host), as its own
/// process on a free loopback port, with its own tables, task hub and SignalR hub, so hosts never see each other's
/// rooms. It can be killed and started again on the same storage, which is what a restart test needs.
/// </summary>
public sealed class FunctionsHost : IAsyncDisposable
{
    public const string DevelopmentAdminKey = "local-development-only-admin-key-never-use-in-azure";
    /// <summary>What the host logs when a start-up attempt failed (it then tries again after a back-off).</summary>
    public const string StartupErrorLine = "A host error has occurred during startup";

    private readonly Dictionary<string, string> _settings;
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("livechat-host-").FullName;
    private readonly string? _logPath;
    private StackProcess? _process;

    private readonly string _appDirectory;

    private FunctionsHost(Dictionary<string, string> settings, string? logPath, string appDirectory)
    {
        _settings = settings;
        _logPath = logPath;
        _appDirectory = appDirectory;
        Port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
    }

    public int Port { get; }
    public Uri BaseAddress { get; }
    public string TablePrefix => _settings["Storage__TablePrefix"];
    public string TaskHubName => _settings["TaskHubName"];
    public string AdminKey => _settings["Admin__ApiKey"];
    public string StorageConnectionString => _settings["Storage__ConnectionString"];
    public string Output => _process?.Output ?? "";

    /// <summary>The host's key file (plain JSON in its state folder), as scripts/functions-host.sh seeds it.</summary>
    public string KeysFile => Path.Combine(_stateDirectory, "secrets", "host.json");

    /// <summary>The host's and its worker's process ids while they run (for their memory).</summary>
    public IReadOnlyList<int> ProcessIds => _process is { HasExited: false } p ? p.ProcessTree() : [];

    /// <summary>
    /// Starts the app with the local development settings, then <paramref name="settings"/> over them
    /// (<c>Storage__ConnectionString</c> sets the host's storage too). <paramref name="logPath"/> streams the host's
    /// output to a file, each line timed; <paramref name="appDirectory"/> runs another app's build output instead
    /// (the benchmark's echo app).
    /// </summary>
    public static async Task<FunctionsHost> StartAsync(IDictionary<string, string>? settings = null, string? logPath = null, string? appDirectory = null)
    {
        var emulator = await SignalREmulator.SharedAsync();
        var id = Guid.NewGuid().ToString("N")[..10];
        var all = LocalSettings.Read();
        all["Storage__TablePrefix"] = "t" + id;
        all["TaskHubName"] = "hub" + id;
        all["SignalR__HubName"] = "h" + id;
        all["SignalR__ConnectionString"] = emulator.ConnectionString;
        // Most tests queue rooms before any agent console is open: only the offline tests ask for the form then.
        all["Offline__WhenNobodyOnline"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        all["AzureWebJobsStorage"] = all["Storage__ConnectionString"];
        var host = new FunctionsHost(all, logPath, appDirectory ?? StackPaths.FunctionsAppDirectory);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>Starts the host (again, after <see cref="Kill"/> or <see cref="StopAsync"/>) and waits until the app answers.</summary>
    public async Task StartAsync()
    {
        var environment = new Dictionary<string, string>(_settings)
        {
            ["FUNCTIONS_HOST_DIR"] = StackPaths.FunctionsHostDirectory,
            ["FUNCTIONS_HOST_STATE_DIR"] = _stateDirectory,
        };
        _process?.Dispose();
        _process = StackProcess.Start("bash", [StackPaths.FunctionsHostRunScript, _appDirectory, Port.ToString()],
            environment, logPath: _logPath);
        try
        {
            await _process.WaitForOutputAsync("Job host started", TimeSpan.FromSeconds(90), "The Functions host");
        }
        catch (InvalidOperationException) when (!_process.HasExited && Output.Contains(StartupErrorLine, StringComparison.Ordinal))
        {
            // The host restarts its job host itself after a start-up error, after a back-off: give that start its time.
            await _process.WaitForOutputAsync("Job host started", TimeSpan.FromSeconds(90), "The Functions host (after a start-up error)");
        }

        // The host is up before its worker: wait for the app's own first answer.
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException("The Functions host exited:\n" + Output);
            try
            {
                using var response = await http.GetAsync("api/widget.js");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The Functions app did not answer:\n" + Output);
    }

    /// <summary>Kills the host and its worker at once, as a crash would: no graceful shutdown.</summary>
    public void Kill() => _process?.Kill();

    /// <summary>Stops the host as the platform does (SIGTERM), its worker with it.</summary>
    public Task StopAsync() => _process?.StopAsync(TimeSpan.FromSeconds(15)) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await StopAsync();
            _process.Dispose();
        }
        try { Directory.Delete(_stateDirectory, recursive: true); } catch (IOException) { }
    }
}
