using System.Net;
using System.Net.Sockets;

namespace Livechat.LocalStack;

/// <summary>
/// A TCP proxy in front of a service (the SignalR emulator, say) that can be made to fail the way a service fails
/// in production: <see cref="Blackhole"/> drops every open connection and accepts new ones that never answer, until
/// <see cref="Heal"/>.
/// </summary>
public sealed class FaultyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private volatile bool _blackholed;

    public FaultyProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public void Blackhole()
    {
        _blackholed = true;
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    public void Heal() => _blackholed = false;

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Blackhole();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_open) _open.Add(client);
            if (!_blackholed) _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            lock (_open) _open.Add(upstream);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            client.Dispose();
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(upstream);
            }
        }
    }
}
