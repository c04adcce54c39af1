using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Livechat.Benchmark;

/// <summary>
/// A loopback TCP proxy in front of one Azurite port that counts the HTTP requests passing through it. Bytes are
/// forwarded unchanged (Shared Key signatures stay valid); a small HTTP/1.1 parser on the client-to-server stream
/// finds where each request starts (Content-Length and chunked bodies are skipped), so every storage transaction the
/// server makes is counted exactly once, with a label from its URL (and, for a table batch, from its body).
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _upstream;
    private readonly Func<RequestInfo, string> _classify;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;

    public CountingProxy(int upstreamPort, Func<RequestInfo, string> classify)
    {
        _upstream = new IPEndPoint(IPAddress.Loopback, upstreamPort);
        _classify = classify;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(512);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Requests counted so far, by label.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (SocketException) { continue; }
            _connections.Add(RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var upstream = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(_upstream, _stop.Token);
            var fromClient = client.GetStream();
            var toServer = upstream.GetStream();
            var parser = new RequestParser(info => _counts.AddOrUpdate(_classify(info), 1, (_, n) => n + 1));
            var up = PumpAsync(fromClient, toServer, parser);
            var down = PumpAsync(toServer, fromClient, null);
            await Task.WhenAny(up, down);
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
        catch (IOException) { }
        catch (SocketException) { }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, RequestParser? parser)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0) break;
                parser?.Feed(buffer.AsSpan(0, read));
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception) { }
        finally
        {
            try { to.Socket.Shutdown(SocketShutdown.Send); } catch (Exception) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (Exception) { }
        try { await Task.WhenAll(_connections).WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        _stop.Dispose();
    }
}

/// <summary>One request seen by the proxy: method, path and query, and the start of a batch body.</summary>
public sealed record RequestInfo(string Method, string Target, string BodyStart);

/// <summary>Finds request boundaries in an HTTP/1.1 client stream (keep-alive, Content-Length, chunked).</summary>
internal sealed class RequestParser(Action<RequestInfo> onRequest)
{
    private const int BodySniff = 4096;
    private enum State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer }

    private readonly List<byte> _line = [];
    private readonly StringBuilder _head = new();
    private readonly StringBuilder _body = new();
    private State _state = State.Head;
    private long _remaining;
    private string _method = "", _target = "";
    private bool _sniffBody;

    public void Feed(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            switch (_state)
            {
                case State.Head:
                case State.ChunkSize:
                case State.ChunkDataEnd:
                case State.Trailer:
                    var b = data[i++];
                    if (b != (byte)'\n') { _line.Add(b); break; }
                    var line = Encoding.ASCII.GetString(_line.ToArray()).TrimEnd('\r');
                    _line.Clear();
                    OnLine(line);
                    break;
                case State.Body:
                case State.ChunkData:
                    var take = (int)Math.Min(_remaining, data.Length - i);
                    if (_sniffBody && _body.Length < BodySniff)
                        _body.Append(Encoding.ASCII.GetString(data.Slice(i, Math.Min(take, BodySniff - _body.Length))));
                    i += take;
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        if (_state == State.Body) Complete();
                        else _state = State.ChunkDataEnd;
                    }
                    break;
            }
        }
    }

    private void OnLine(string line)
    {
        switch (_state)
        {
            case State.Head:
                if (line.Length > 0) { _head.Append(line).Append('\n'); return; }
                if (_head.Length == 0) return; // stray CRLF between requests
                StartBody();
                return;
            case State.ChunkSize:
                var size = Convert.ToInt64(line.Split(';')[0].Trim(), 16);
                if (size == 0) { _state = State.Trailer; return; }
                _remaining = size;
                _state = State.ChunkData;
                return;
            case State.ChunkDataEnd:
                _state = State.ChunkSize;
                return;
            case State.Trailer:
                if (line.Length == 0) Complete();
                return;
        }
    }

    private void StartBody()
    {
        var lines = _head.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        _method = parts[0];
        _target = parts.Length > 1 ? parts[1] : "";
        _sniffBody = _target.Contains("$batch", StringComparison.Ordinal);
        long length = 0;
        var chunked = false;
        foreach (var header in lines.Skip(1))
        {
            var colon = header.IndexOf(':');
            if (colon < 0) continue;
            var name = header[..colon].Trim();
            var value = header[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = long.Parse(value);
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase)) chunked = true;
        }
        if (chunked) _state = State.ChunkSize;
        else if (length > 0) { _remaining = length; _state = State.Body; }
        else Complete();
    }

    private void Complete()
    {
        onRequest(new RequestInfo(_method, _target, _body.ToString()));
        _head.Clear();
        _body.Clear();
        _state = State.Head;
    }
}
