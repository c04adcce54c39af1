using Livechat.Benchmark;
using System.Runtime.InteropServices;

// ./bench.sh [--visitors 1,50,500] [--exchanges 3] [--history-k 10,100,1000] [--smoke] [--scale-out] [--retention]; bench.sh starts Azurite and builds,
// this runs the rest. Every option, its default and bounds: --help (BenchmarkCommandLine).
var commandLine = new BenchmarkCommandLine();
var parsed = commandLine.Parse(args);
if (BenchmarkCommandLine.Answer(parsed) is { } answered) return answered;
var (options, azurite, output, command, smoke) = commandLine.Read(parsed);
if (ServerHosts.Unbuilt().ToList() is [_, ..] unbuilt)
{
    Console.Error.WriteLine($"No Functions app built in {string.Join(" or ", unbuilt)}: build bench/Livechat.Benchmark (bench.sh does), which builds both apps it runs.");
    return 2;
}

// A scale-out smoke run waits for the killed host's partition leases to move: minutes, not seconds.
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(smoke ? (options.ScaleOutConversations > 0 ? 6 : 2) : 60));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
// A kill (SIGTERM) stops the run as Ctrl+C does, so the Functions hosts it started are stopped too, not left running.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; cancel.Cancel(); });
await using var proxies = new StorageProxies(azurite);
if (options.ScaleOutConversations > 0)
    return await PrintReportAsync("scale-out", () => ScaleOutRun.RunAsync(options.ScaleOutConversations, options.Exchanges, proxies, Console.Out, cancel.Token));
if (options.RetentionConversations > 0)
    return await PrintReportAsync("retention", () => RetentionRun.RunAsync(options.RetentionConversations, options.Exchanges, proxies, Console.Out, cancel.Token));
BenchmarkResult result;
try
{
    result = await BenchmarkRun.RunAsync(options, proxies, Console.Out, cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    // A normal exit, not an unhandled exception: the process-exit handlers (the shared SignalR emulator's, the
    // apps' copy) only run then. The hosts are stopped by now.
    Console.Error.WriteLine("The benchmark was stopped (Ctrl+C, a kill or its overall bound) before it finished: nothing written.");
    return 130;
}

var markdown = Report.Markdown(result, command);
Console.WriteLine();
Console.WriteLine(markdown);
if (!smoke)
{
    Directory.CreateDirectory(output);
    await File.WriteAllTextAsync(Path.Combine(output, "benchmark.md"), markdown);
    Chart.Save(result, Path.Combine(output, "benchmark.png"));
    Console.WriteLine($"Wrote {Path.Combine(output, "benchmark.md")} and {Path.Combine(output, "benchmark.png")}.");
}
if (result.Errors > 0)
{
    Console.Error.WriteLine($"{result.Errors} errors or lost replies.");
    return 1;
}
return 0;

// The runs instead of the phases (--scale-out, --retention): their Markdown on standard output, exit 1 when not clean.
async Task<int> PrintReportAsync(string run, Func<Task<(string Markdown, bool Clean)>> report)
{
    try
    {
        var (markdown, clean) = await report();
        Console.WriteLine();
        Console.WriteLine(markdown);
        return clean ? 0 : 1;
    }
    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
    {
        Console.Error.WriteLine($"The {run} run was stopped (Ctrl+C, a kill or its overall bound) before it finished.");
        return 130;
    }
}
