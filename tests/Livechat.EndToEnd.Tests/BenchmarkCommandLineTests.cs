using Livechat.Benchmark;
using System.CommandLine;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// The benchmark's command line (bench/Livechat.Benchmark, BenchmarkCommandLine): the defaults are the documented
/// run, every option sets what it says, the command lines bench.sh builds stay valid, and a value it cannot use is a
/// usage error that names the option. Parsing only: nothing is started.
/// </summary>
public sealed class BenchmarkCommandLineTests
{
    private readonly BenchmarkCommandLine _commandLine = new();

    [Fact]
    public void Read_NoArguments_TheDocumentedRun()
    {
        var run = Read();

        var defaults = new BenchmarkOptions();
        Assert.Equal(defaults.Visitors, run.Options.Visitors);
        Assert.Equal(defaults.Exchanges, run.Options.Exchanges);
        Assert.True(run.Options.Agents);
        Assert.Equal(defaults.HistoryExchanges, run.Options.HistoryExchanges);
        Assert.Equal(defaults.SaturationRooms, run.Options.SaturationRooms);
        Assert.Equal(defaults.SaturationClicks, run.Options.SaturationClicks);
        Assert.False(run.Options.SaturationEveryLevel);
        Assert.Equal(defaults.AgentMessageInterval, run.Options.AgentMessageInterval);
        Assert.Null(run.Options.ArrivalWindow);
        Assert.Equal(defaults.SingleVisitorRepeats, run.Options.SingleVisitorRepeats);
        Assert.Equal(new AzuriteEndpoints(20000, 20001, 20002), run.Azurite);
        Assert.Equal("docs", run.Output);
        Assert.Equal("./bench.sh", run.Command);
        Assert.False(run.Smoke);
    }

    [Fact]
    public void Read_EveryOption_SetsItsValue()
    {
        var run = Read(
            "--visitors", "1,50,500", "--exchanges", "7", "--no-agents", "--history-k", "10,100", "--saturation-rooms", "16",
            "--saturation-clicks", "4", "--saturation-every-level", "--agent-interval", "2.5", "--arrival-window", "12.5",
            "--repeat", "10", "--azurite-ports", "30000,30001,30002", "--out", "/tmp/bench", "--command", "./bench.sh --visitors 1,50,500");

        Assert.Equal(new[] { 1, 50, 500 }, run.Options.Visitors);
        Assert.Equal(7, run.Options.Exchanges);
        Assert.False(run.Options.Agents);
        Assert.Equal(new[] { 10, 100 }, run.Options.HistoryExchanges);
        Assert.Equal(16, run.Options.SaturationRooms);
        Assert.Equal(4, run.Options.SaturationClicks);
        Assert.True(run.Options.SaturationEveryLevel);
        Assert.Equal(TimeSpan.FromSeconds(2.5), run.Options.AgentMessageInterval);
        Assert.Equal(TimeSpan.FromSeconds(12.5), run.Options.ArrivalWindow);
        Assert.Equal(10, run.Options.SingleVisitorRepeats);
        Assert.Equal(new AzuriteEndpoints(30000, 30001, 30002), run.Azurite);
        Assert.Equal("/tmp/bench", run.Output);
        Assert.Equal("./bench.sh --visitors 1,50,500", run.Command);
        Assert.False(run.Smoke);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("0")]
    public void Read_HistoryKNone_NoHistoryPhase(string none) =>
        Assert.Empty(Read("--history-k", none).Options.HistoryExchanges);

    [Fact]
    public void Read_Smoke_TheSmokeRunWhateverTheLoadOptions_AgentsAsAsked()
    {
        var run = Read("--smoke", "--visitors", "1,50", "--exchanges", "9", "--no-agents");

        Assert.True(run.Smoke);
        Assert.Equal(BenchmarkOptions.Smoke.Visitors, run.Options.Visitors);
        Assert.Equal(BenchmarkOptions.Smoke.Exchanges, run.Options.Exchanges);
        Assert.Empty(run.Options.HistoryExchanges);
        Assert.False(run.Options.Agents);
        Assert.True(Read("--smoke").Options.Agents);
    }

    [Fact]
    public void Read_OptionGivenTwice_TheLastCounts()
    {
        // bench.sh passes --out docs before the caller's own arguments.
        var run = Read("--out", "docs", "--exchanges", "3", "--out", "/tmp/elsewhere", "--exchanges", "5");

        Assert.Equal("/tmp/elsewhere", run.Output);
        Assert.Equal(5, run.Options.Exchanges);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--visitors 1,50,200 --history-k 10,100")]
    [InlineData("--visitors 1,50,500")]
    [InlineData("--smoke")]
    [InlineData("--visitors 1 --history-k 1000")]
    [InlineData("--saturation-rooms 32 --saturation-clicks 8 --agent-interval 5 --arrival-window 10 --repeat 20 --out docs")]
    public void Parse_BenchScriptCommandLines_NoErrors(string callerArguments)
    {
        // As bench.sh runs the benchmark: its own arguments first, then the caller's.
        string[] args = ["--azurite-ports", "20000,20001,20002", "--out", "docs", "--command", "./bench.sh " + callerArguments, .. callerArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

        var parsed = _commandLine.Parse(args);

        Assert.Empty(parsed.Errors);
        Assert.Null(BenchmarkCommandLine.Answer(parsed));
        Assert.Equal("./bench.sh " + callerArguments, _commandLine.Read(parsed).Command);
    }

    [Theory]
    [InlineData("--exchanges", "x")]
    [InlineData("--exchanges", "51")]
    [InlineData("--visitors", "0")]
    [InlineData("--visitors", "1,,50")]
    [InlineData("--visitors", "2001")]
    [InlineData("--history-k", "1001")]
    [InlineData("--history-k", "ten")]
    [InlineData("--saturation-rooms", "-1")]
    [InlineData("--saturation-clicks", "51")]
    [InlineData("--agent-interval", "61")]
    [InlineData("--agent-interval", "five")]
    [InlineData("--arrival-window", "301")]
    [InlineData("--arrival-window", "NaN")]
    [InlineData("--repeat", "0")]
    [InlineData("--azurite-ports", "20000,20001")]
    public void Answer_BadValue_AnErrorNamingTheOptionAndValue_UsageErrorExit(string option, string value)
    {
        var (exitCode, _, error) = Answer(option, value);

        Assert.Equal(BenchmarkCommandLine.UsageError, exitCode);
        Assert.Contains($"{option}: '{value}' is not ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_OptionWithoutItsValue_UsageErrorExit()
    {
        var (exitCode, _, error) = Answer("--exchanges");

        Assert.Equal(BenchmarkCommandLine.UsageError, exitCode);
        Assert.Contains("--exchanges", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_UnknownArgument_UsageErrorExit()
    {
        var (exitCode, _, error) = Answer("--visitor", "5");

        Assert.Equal(BenchmarkCommandLine.UsageError, exitCode);
        Assert.Contains("--visitor", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_Help_ListsEveryOptionWithItsDefault_ExitsZero()
    {
        var (exitCode, help, _) = Answer("--help");

        Assert.Equal(0, exitCode);
        foreach (var option in new[]
                 {
                     "--visitors", "--exchanges", "--smoke", "--no-agents", "--history-k", "--saturation-rooms", "--saturation-clicks",
                     "--saturation-every-level", "--agent-interval", "--arrival-window", "--repeat", "--azurite-ports", "--out", "--command",
                 })
            Assert.Contains(option, help, StringComparison.Ordinal);
        Assert.Contains("[default: 1,50]", help, StringComparison.Ordinal);
        Assert.Contains("[default: 10,100,1000]", help, StringComparison.Ordinal);
        Assert.Contains("[default: 20000,20001,20002]", help, StringComparison.Ordinal);
        Assert.Contains("[default: docs]", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScaleOut_500ConversationsByDefault_20WithSmoke_NoneWithout()
    {
        Assert.Equal(0, Read().Options.ScaleOutConversations);
        Assert.Equal(500, Read("--scale-out").Options.ScaleOutConversations);
        Assert.Equal(120, Read("--scale-out", "--scale-out-conversations", "120").Options.ScaleOutConversations);
        Assert.Equal(BenchmarkOptions.SmokeScaleOutConversations, Read("--scale-out", "--smoke").Options.ScaleOutConversations);
        Assert.Contains("--scale-out", Answer("--help").Output, StringComparison.Ordinal);
        Assert.Equal(BenchmarkCommandLine.UsageError, Answer("--scale-out", "--scale-out-conversations", "0").ExitCode);
    }

    [Fact]
    public void Read_Retention_300ConversationsByDefault_NoneWithout()
    {
        Assert.Equal(0, Read().Options.RetentionConversations);
        Assert.Equal(300, Read("--retention").Options.RetentionConversations);
        Assert.Equal(40, Read("--retention", "--retention-conversations", "40").Options.RetentionConversations);
        Assert.Contains("--retention", Answer("--help").Output, StringComparison.Ordinal);
        Assert.Equal(BenchmarkCommandLine.UsageError, Answer("--retention", "--retention-conversations", "0").ExitCode);
    }

    private BenchmarkArguments Read(params string[] args)
    {
        var parsed = _commandLine.Parse(args);
        Assert.Empty(parsed.Errors);
        return _commandLine.Read(parsed);
    }

    private (int? ExitCode, string Output, string Error) Answer(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = BenchmarkCommandLine.Answer(_commandLine.Parse(args), new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
