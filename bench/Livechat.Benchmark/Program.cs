using Livechat.Benchmark;
using System.Globalization;
using System.Runtime.InteropServices;

// ./bench.sh [--visitors 1,50,500] [--exchanges 3] [--history-k 10,100,1000] [--smoke]; bench.sh starts Azurite and builds, this runs the rest.
var options = new BenchmarkOptions();
var azurite = AzuriteEndpoints.Parse("20000,20001,20002");
var output = "docs";
var command = "./bench.sh";
var smoke = false;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--visitors": options = options with { Visitors = [.. Next().Split(',').Select(int.Parse)] }; break;
        case "--exchanges": options = options with { Exchanges = int.Parse(Next()) }; break;
        case "--smoke": smoke = true; break;
        case "--no-agents": options = options with { Agents = false }; break;
        case "--history-k":
            var ks = Next();
            options = options with { HistoryExchanges = ks is "none" or "0" ? [] : [.. ks.Split(',').Select(int.Parse)] };
            break;
        case "--saturation-rooms": options = options with { SaturationRooms = int.Parse(Next()) }; break;
        case "--saturation-clicks": options = options with { SaturationClicks = int.Parse(Next()) }; break;
        case "--saturation-every-level": options = options with { SaturationEveryLevel = true }; break;
        case "--agent-interval": options = options with { AgentMessageInterval = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
        case "--arrival-window": options = options with { ArrivalWindow = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
        case "--repeat": options = options with { SingleVisitorRepeats = int.Parse(Next()) }; break;
        case "--azurite-ports": azurite = AzuriteEndpoints.Parse(Next()); break;
        case "--out": output = Next(); break;
        case "--command": command = Next(); break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: [--visitors 1,50,500] [--exchanges 3] [--smoke] [--no-agents] [--history-k 10,100,1000|none] [--saturation-rooms 32] [--saturation-clicks 8] [--saturation-every-level] [--agent-interval 5] [--arrival-window SECONDS] [--repeat 20] [--azurite-ports 20000,20001,20002] [--out docs]");
            return 2;
    }
}
if (smoke) options = BenchmarkOptions.Smoke with { Agents = options.Agents };
if (options.Visitors.Any(n => n is < 1 or > 2000) || options.Exchanges is < 1 or > 50 || options.HistoryExchanges.Any(k => k is < 1 or > 1000)
    || options.SaturationRooms is < 0 or > 500 || options.SaturationClicks is < 0 or > 50 || options.SingleVisitorRepeats is < 1 or > 200
    || options.AgentMessageInterval < TimeSpan.Zero || options.AgentMessageInterval > TimeSpan.FromMinutes(1) || options.ArrivalWindow < TimeSpan.Zero || options.ArrivalWindow > TimeSpan.FromMinutes(5))
{
    Console.Error.WriteLine("Bounded: 1 ≤ N ≤ 2000 visitors, 1 ≤ K ≤ 50 exchanges, history K ≤ 1000, ≤ 500 saturation rooms × ≤ 50 clicks, ≤ 200 repeats, agent interval ≤ 60 s, arrival window ≤ 300 s.");
    return 2;
}
if (ServerHosts.Unbuilt().ToList() is [_, ..] unbuilt)
{
    Console.Error.WriteLine($"No Functions app built in {string.Join(" or ", unbuilt)}: build bench/Livechat.Benchmark (bench.sh does), which builds both apps it runs.");
    return 2;
}

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(smoke ? 2 : 60));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
// A kill (SIGTERM) stops the run as Ctrl+C does, so the Functions hosts it started are stopped too, not left running.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; cancel.Cancel(); });
await using var proxies = new StorageProxies(azurite);
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
