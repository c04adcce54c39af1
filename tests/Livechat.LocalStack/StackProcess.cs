using System.Diagnostics;
using System.Text;

namespace Livechat.LocalStack;

/// <summary>
/// A process of the stack, its output kept (the first 200 KB, for the message of a failure) and optionally streamed
/// to a file, stopped with SIGTERM first and killed with its whole tree when that takes too long.
/// </summary>
public sealed class StackProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];
    private StreamWriter? _log;

    private StackProcess(Process process, string? logPath)
    {
        _process = process;
        if (logPath is not null) _log = new StreamWriter(logPath) { AutoFlush = true };
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static StackProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null,
        string? workingDirectory = null, string? logPath = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var started = new StackProcess(process, logPath);
        process.OutputDataReceived += (_, e) => started.Heard(e.Data);
        process.ErrorDataReceived += (_, e) => started.Heard(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Completes when a line containing <paramref name="text"/> has been printed; fails when the process exits first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout, string what)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal)) return;
            _awaited.Add((text, seen));
        }
        var exited = _process.WaitForExitAsync();
        var winner = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout));
        if (winner == seen.Task) return;
        throw new InvalidOperationException(
            (winner == exited ? $"{what} exited (code {_process.ExitCode}) before it said '{text}'" : $"{what} did not say '{text}' within {timeout.TotalSeconds:0} s")
            + ":\n" + Output);
    }

    /// <summary>SIGTERM, then the whole tree killed if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        Signal("TERM");
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Kills the process and every process it started at once, as a crash would.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>The ids of the process and of its children (the Functions host's worker, say), for their memory.</summary>
    public IReadOnlyList<int> ProcessTree()
    {
        var ids = new List<int> { _process.Id };
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1]) == _process.Id) ids.Add(pid);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return ids;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_output)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, _process.Id.ToString()]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private void Heard(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length < 200_000) _output.AppendLine(line);
            _log?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
            for (var i = _awaited.Count - 1; i >= 0; i--)
            {
                if (!line.Contains(_awaited[i].Text, StringComparison.Ordinal)) continue;
                _awaited[i].Seen.TrySetResult();
                _awaited.RemoveAt(i);
            }
        }
    }
}
