namespace Livechat.LocalStack;

/// <summary>The Azure SignalR Service emulator (serverless, in memory) on a free loopback port.</summary>
public sealed class SignalREmulator : IAsyncDisposable
{
    // The emulator's fixed development AccessKey (a constant in its public source, the same on every machine).
    public const string AccessKey = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    private static readonly Lazy<Task<SignalREmulator>> SharedInstance = new(StartSharedAsync);
    private readonly StackProcess _process;

    private SignalREmulator(StackProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>The connection string of an emulator reached on <paramref name="port"/> (through a proxy, say).</summary>
    public static string ConnectionStringFor(int port) => $"Endpoint=http://127.0.0.1;Port={port};AccessKey={AccessKey};Version=1.0;";

    /// <summary>One emulator for the whole test process; each app gets a hub of its own on it.</summary>
    public static Task<SignalREmulator> SharedAsync() => SharedInstance.Value;

    public static async Task<SignalREmulator> StartAsync()
    {
        var directory = StackPaths.SignalREmulatorDirectory;
        var port = FreePort.Next();
        // A watchdog stops the emulator when this process is gone: a test run that ends without running its exit
        // handlers (a killed test host) must not leave it behind.
        const string Watchdog = """
            "$@" & child=$!
            trap 'kill -TERM $child 2>/dev/null; wait $child; exit' TERM INT
            while kill -0 "$WATCHED_PID" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
            kill -TERM $child 2>/dev/null; wait $child
            """;
        var process = StackProcess.Start("bash",
            ["-c", Watchdog, "signalr-emulator", "dotnet", Path.Combine(directory, "Microsoft.Azure.SignalR.Emulator.dll"),
             "start", "-p", port.ToString(), "-i", "127.0.0.1", "-c", Path.Combine(directory, "no-upstream.json")],
            new Dictionary<string, string> { ["WATCHED_PID"] = Environment.ProcessId.ToString() },
            workingDirectory: directory);
        await process.WaitForOutputAsync("successfully started", TimeSpan.FromSeconds(60), "The SignalR emulator");
        return new SignalREmulator(process, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private static async Task<SignalREmulator> StartSharedAsync()
    {
        var emulator = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => emulator._process.Dispose();
        return emulator;
    }
}
