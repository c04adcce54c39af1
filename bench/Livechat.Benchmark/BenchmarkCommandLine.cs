using System.CommandLine;
using System.Globalization;

namespace Livechat.Benchmark;

/// <summary>
/// The benchmark's options (./bench.sh passes its own arguments on), their defaults (those of
/// <see cref="BenchmarkOptions"/>) and bounds, as System.CommandLine parses them and --help lists them.
/// </summary>
/// <remarks>
/// Each value option takes its last occurrence: bench.sh puts its own --out docs before the caller's arguments,
/// so a caller's --out wins, as it always has.
/// </remarks>
public sealed class BenchmarkCommandLine
{
    /// <summary>The exit code of a command line that is not understood (an unknown option, a bad or out-of-range value).</summary>
    public const int UsageError = 2;

    private static readonly BenchmarkOptions Defaults = new();
    private static readonly AzuriteEndpoints BenchAzurite = new(20000, 20001, 20002);

    private readonly RootCommand _root = new("The load benchmark and cost model: the Livechat app on the Functions host, its floors, " +
                                             "the cost per 1,000 conversations. ./bench.sh starts its Azurite and builds it first.");

    private readonly Option<IReadOnlyList<int>> _visitors = Numbers("--visitors", "N,N,...", Defaults.Visitors, 1, 2000, orNone: false,
        "Load levels: for each N, N bot conversations and N agent rooms at once, each phase on a fresh server; N from 1 to 2000.");
    private readonly Option<int> _exchanges = Count("--exchanges", "K", Defaults.Exchanges, 1, 50,
        "Exchanges per conversation: button clicks with the bot, messages each way with an agent; 1 to 50.");
    private readonly Option<bool> _smoke = Flag("--smoke",
        "The CI check: N = 5, K = 3, small floors, no history phase, bound at 2 minutes, writes nothing; " +
        "replaces every load option but --no-agents.");
    private readonly Option<bool> _noAgents = Flag("--no-agents", "Leave out the agent phase.");
    private readonly Option<IReadOnlyList<int>> _historyExchanges = Numbers("--history-k", "K,K,...|none", Defaults.HistoryExchanges, 1, 1000, orNone: true,
        "History phase, on a fresh server after the levels: one bot conversation per K (1 to 1000) and its orchestration history; none or 0: no history phase.");
    private readonly Option<int> _saturationRooms = Count("--saturation-rooms", "S", Defaults.SaturationRooms, 0, 500,
        "The bot at saturation: rooms that click at once (0: no saturation phase); up to 500.");
    private readonly Option<int> _saturationClicks = Count("--saturation-clicks", "M", Defaults.SaturationClicks, 0, 50,
        "The bot at saturation: clicks per room (0: no saturation phase); up to 50.");
    private readonly Option<bool> _saturationEveryLevel = Flag("--saturation-every-level",
        "Run the saturation phase after every level's bot phase, not only after the first level's (on its clean server).");
    private readonly Option<double> _agentInterval = Seconds("--agent-interval", Defaults.AgentMessageInterval, TimeSpan.FromMinutes(1),
        "Agent phase: seconds between a room's visitor messages; 0 to 60.");
    private readonly Option<double?> _arrivalWindow = OptionalSeconds("--arrival-window", TimeSpan.FromMinutes(5),
        $"Bot phase: seconds over which the N visitors' starts are spread (0: all at once); 0 to 300. [default: N ÷ {Defaults.ArrivalsPerSecond:0.##} s]");
    private readonly Option<int> _repeats = Count("--repeat", "R", Defaults.SingleVisitorRepeats, 1, 200,
        "Bot phase at N = 1: conversations one after the other, so each call's percentiles have samples; 1 to 200.");
    private readonly Option<bool> _scaleOut = Flag("--scale-out",
        "Instead of the phases: bot conversations over two Livechat hosts on one task hub behind a round-robin front end, then a fifth " +
        "of them again with one host killed mid-load; 0 lost and 0 duplicated or the exit code is 1. With --smoke: 20 conversations.");
    private readonly Option<int> _scaleOutConversations = Count("--scale-out-conversations", "C", 500, 1, 5000,
        "With --scale-out: the conversations of the first load; 1 to 5000.");
    private readonly Option<bool> _retention = Flag("--retention",
        "Instead of the phases: two batches of bot conversations on a host that keeps ended rooms 60 s, each followed by the sweeper's " +
        "purge; prints the task hub's table sizes after each; the exit code is 1 when a conversation failed or a purge did not come.");
    private readonly Option<int> _retentionConversations = Count("--retention-conversations", "C", 300, 1, 2000,
        "With --retention: the conversations of each batch; 1 to 2000.");
    private readonly Option<AzuriteEndpoints?> _azurite = Ports("--azurite-ports",
        $"Azurite's blob, queue and table ports on loopback. [default: {BenchAzurite.BlobPort},{BenchAzurite.QueuePort},{BenchAzurite.TablePort}]");
    private readonly Option<string> _output = Text("--out", "DIR", "docs", "Where benchmark.md and benchmark.png are written (not with --smoke).");
    private readonly Option<string> _command = Text("--command", "TEXT", "./bench.sh", "The command line the report names as the one that generated it.");

    public BenchmarkCommandLine()
    {
        foreach (var option in new Option[]
                 {
                     _visitors, _exchanges, _smoke, _noAgents, _historyExchanges, _saturationRooms, _saturationClicks, _saturationEveryLevel,
                     _agentInterval, _arrivalWindow, _repeats, _azurite, _output, _command, _scaleOut, _scaleOutConversations,
                     _retention, _retentionConversations,
                 })
            _root.Options.Add(option);
    }

    public ParseResult Parse(IReadOnlyList<string> args) => _root.Parse(args);

    /// <summary>
    /// Help, the version or a usage error: writes it (the errors and the help to the configured writers) and gives
    /// the exit code; null when the command line asks for a run.
    /// </summary>
    public static int? Answer(ParseResult parsed, InvocationConfiguration? console = null)
    {
        if (parsed.Action is null) return null;
        var exitCode = parsed.Invoke(console);
        return parsed.Errors.Count > 0 ? UsageError : exitCode;
    }

    /// <summary>The run a command line without errors asks for.</summary>
    public BenchmarkArguments Read(ParseResult parsed)
    {
        if (parsed.Errors.Count > 0) throw new InvalidOperationException("The command line has errors: " + string.Join(" ", parsed.Errors.Select(e => e.Message)));
        var options = new BenchmarkOptions
        {
            Visitors = parsed.GetValue(_visitors) ?? Defaults.Visitors,
            Exchanges = parsed.GetValue(_exchanges),
            Agents = !parsed.GetValue(_noAgents),
            HistoryExchanges = parsed.GetValue(_historyExchanges) ?? Defaults.HistoryExchanges,
            SaturationRooms = parsed.GetValue(_saturationRooms),
            SaturationClicks = parsed.GetValue(_saturationClicks),
            SaturationEveryLevel = parsed.GetValue(_saturationEveryLevel),
            AgentMessageInterval = TimeSpan.FromSeconds(parsed.GetValue(_agentInterval)),
            ArrivalWindow = parsed.GetValue(_arrivalWindow) is { } window ? TimeSpan.FromSeconds(window) : null,
            SingleVisitorRepeats = parsed.GetValue(_repeats),
        };
        var smoke = parsed.GetValue(_smoke);
        if (smoke) options = BenchmarkOptions.Smoke with { Agents = options.Agents };
        if (parsed.GetValue(_scaleOut))
            options = options with { ScaleOutConversations = smoke ? BenchmarkOptions.SmokeScaleOutConversations : parsed.GetValue(_scaleOutConversations) };
        if (parsed.GetValue(_retention)) options = options with { RetentionConversations = parsed.GetValue(_retentionConversations) };
        return new BenchmarkArguments(options, parsed.GetValue(_azurite) ?? BenchAzurite, parsed.GetValue(_output)!, parsed.GetValue(_command)!, smoke);
    }

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>
    /// An option with one value after its name, read by <paramref name="parse"/>; a value it refuses is a usage
    /// error naming the option and what it expects. Given more than once, the last occurrence counts.
    /// </summary>
    private static Option<T> Valued<T>(string name, string helpName, string description, string expected, Func<string, (bool Ok, T Value)> parse) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.ExactlyOne,
        // Lets each occurrence add its value (the arity still takes one value per name); the parser keeps the last.
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            var (ok, value) = parse(text);
            if (!ok) result.AddError($"{name}: '{text}' is not {expected}.");
            return value;
        },
    };

    private static Option<int> Count(string name, string helpName, int defaultValue, int min, int max, string description)
    {
        var option = Valued(name, helpName, description, $"a whole number from {min} to {max}",
            text => TryInteger(text, min, max) is { } n ? (true, n) : (false, 0));
        option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    /// <summary>Comma-separated whole numbers, each within the bounds; with <paramref name="orNone"/>, none or 0 is the empty list.</summary>
    private static Option<IReadOnlyList<int>> Numbers(string name, string helpName, IReadOnlyList<int> defaults, int min, int max, bool orNone, string description)
    {
        (bool, IReadOnlyList<int>) Parse(string text)
        {
            if (orNone && text is "none" or "0") return (true, []);
            var numbers = text.Split(',').Select(part => TryInteger(part, min, max)).ToList();
            return numbers.All(n => n is not null) ? (true, [.. numbers.Select(n => n!.Value)]) : (false, []);
        }
        // The default is in the description: help would show a list default as alternatives (1|50).
        return Valued(name, helpName, $"{description} [default: {string.Join(',', defaults)}]",
            $"a comma-separated list of whole numbers from {min} to {max}{(orNone ? ", nor none" : "")}", Parse);
    }

    private static Option<double> Seconds(string name, TimeSpan defaultValue, TimeSpan max, string description)
    {
        var option = Valued(name, "SECONDS", description, $"a number of seconds from 0 to {max.TotalSeconds:0}",
            text => TrySeconds(text, max) is { } s ? (true, s) : (false, 0));
        option.DefaultValueFactory = _ => defaultValue.TotalSeconds;
        return option;
    }

    private static Option<double?> OptionalSeconds(string name, TimeSpan max, string description) =>
        Valued(name, "SECONDS", description, $"a number of seconds from 0 to {max.TotalSeconds:0}",
            text => TrySeconds(text, max) is { } s ? (true, (double?)s) : (false, null));

    private static Option<AzuriteEndpoints?> Ports(string name, string description) =>
        Valued(name, "BLOB,QUEUE,TABLE", description, "three comma-separated ports (blob, queue, table)",
            text => text.Split(',').Select(part => TryInteger(part, 1, 65535)).ToList() is [{ } blob, { } queue, { } table]
                ? (true, new AzuriteEndpoints(blob, queue, table))
                : (false, (AzuriteEndpoints?)null));

    private static Option<string> Text(string name, string helpName, string defaultValue, string description)
    {
        var option = Valued(name, helpName, description, "text", text => (true, text));
        option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    private static int? TryInteger(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    private static double? TrySeconds(string text, TimeSpan max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) && s >= 0 && s <= max.TotalSeconds ? s : null;
}
