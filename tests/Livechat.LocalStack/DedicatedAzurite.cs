using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Livechat.LocalStack;

/// <summary>
/// An Azurite of a test's own, on free ports with its data in a folder, so the test can stop and restart storage
/// without disturbing the other tests' shared Azurite.
/// </summary>
public sealed class DedicatedAzurite : IAsyncDisposable
{
    // Azurite's well-known development account key (public, documented, local only).
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _location = Directory.CreateTempSubdirectory("livechat-azurite-").FullName;
    private readonly int _blob = FreePort.Next(), _queue = FreePort.Next(), _table = FreePort.Next();
    private Process? _process;

    public string ConnectionString => ConnectionStringFor(_blob, _queue, _table);

    /// <summary>The development account on these ports (the shared Azurite's are 10000, 10001 and 10002).</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(StackPaths.AzuriteExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--location", _location,
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", _blob.ToString(), "--queuePort", _queue.ToString(), "--tablePort", _table.ToString() })
            info.ArgumentList.Add(arg);
        _process = Process.Start(info)!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _table);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("The dedicated Azurite did not start.");
    }

    /// <summary>Stops Azurite as an outage would look to the app; SIGTERM lets it save its data for the restart.</summary>
    public void Stop()
    {
        if (_process is not { HasExited: false }) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) term.WaitForExit();
        if (!_process.WaitForExit(15_000)) _process.Kill(entireProcessTree: true);
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _process?.Dispose();
        try { Directory.Delete(_location, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
