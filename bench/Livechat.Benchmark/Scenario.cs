namespace Livechat.Benchmark;

/// <summary>
/// Drives the public API the way the widget and the agent console do, N conversations at once, and measures each
/// HTTP round trip and each realtime delivery. Bounded: every wait has a timeout, the phase has a deadline.
/// The phases are their own types (<see cref="BotConversationsPhase"/>, <see cref="BotSaturationPhase"/>,
/// <see cref="AgentPhase"/>); this is what the run and the report see of them: the entry points and the labels
/// their latencies are filed under.
/// </summary>
public sealed class Scenario
{
    /// <summary>The pause between one visitor's conversations in sequence (N = 1).</summary>
    public static readonly TimeSpan RepeatPause = TimeSpan.FromSeconds(1);

    public const string BotReply = "bot reply (send → reply over SignalR)";
    public const string SaturatedReply = "bot reply at saturation (send → reply over SignalR)";
    public const string VisitorToAgent = "visitor → agent (send → agent hears it)";
    public const string AgentToVisitor = "agent → visitor (send → visitor hears it)";

    private readonly BotConversationsPhase _bot;
    private readonly BotSaturationPhase _saturation;
    private readonly AgentPhase _agents;

    public Scenario(ServerTarget target, HttpClient http, TimeSpan replyTimeout)
    {
        var api = new MeasuredApi(target, http);
        var botRoom = new BotRoomSteps(api, replyTimeout);
        _bot = new BotConversationsPhase(api, botRoom);
        _saturation = new BotSaturationPhase(api, botRoom);
        _agents = new AgentPhase(api, botRoom, replyTimeout);
    }

    /// <inheritdoc cref="BotConversationsPhase.RunAsync"/>
    public Task<PhaseMetrics> RunBotPhaseAsync(int visitors, int exchanges, TimeSpan arrivalWindow, int repeats, CancellationToken cancellationToken) =>
        _bot.RunAsync(visitors, exchanges, arrivalWindow, repeats, cancellationToken);

    /// <inheritdoc cref="BotConversationsPhase.RunLongConversationAsync"/>
    public Task<PhaseMetrics> RunLongBotConversationAsync(int index, int exchanges, Func<string, int, CancellationToken, Task> afterExchange, CancellationToken cancellationToken) =>
        _bot.RunLongConversationAsync(index, exchanges, afterExchange, cancellationToken);

    /// <inheritdoc cref="BotSaturationPhase.RunAsync"/>
    public Task<PhaseMetrics> RunBotSaturationAsync(int rooms, int clicks, int setupConcurrency, CancellationToken cancellationToken) =>
        _saturation.RunAsync(rooms, clicks, setupConcurrency, cancellationToken);

    /// <inheritdoc cref="AgentPhase.RunAsync"/>
    public Task<PhaseMetrics> RunAgentPhaseAsync(int rooms, int exchanges, TimeSpan interval, int setupConcurrency, CancellationToken cancellationToken) =>
        _agents.RunAsync(rooms, exchanges, interval, setupConcurrency, cancellationToken);
}
