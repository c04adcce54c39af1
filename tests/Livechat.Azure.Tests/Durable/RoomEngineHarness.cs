using Livechat.Azure.Tests.Durable.Engine;
using Livechat.Azure.Tests.Support;
using Livechat.Core.Limits;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Livechat.Azure.Tests.Durable;

/// <summary>
/// The room orchestration on the Durable Task engine's in-memory service with real stores on Azurite, driven
/// through the same core handlers the HTTP API calls.
/// </summary>
public sealed class RoomEngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly DurableTaskEngine _engine;

    private RoomEngineHarness(ServiceProvider services, DurableTaskEngine engine)
    {
        _services = services;
        _engine = engine;
    }

    /// <summary>The network address the engine tests' visitors come from.</summary>
    public static ClientKey Client { get; } = new("192.0.2.1");

    public RecordingRealtimePublisher Realtime => (RecordingRealtimePublisher)_services.GetRequiredService<IRealtimePublisher>();
    public IRoomStore Rooms => _services.GetRequiredService<IRoomStore>();
    public IRoomOrchestrations Orchestrations => _services.GetRequiredService<IRoomOrchestrations>();
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<RoomEngineHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var services = Azurite.Services(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()));
        services.AddSingleton<IRealtimePublisher, RecordingRealtimePublisher>();
        services.AddSingleton(sp => new DurableTaskEngine(new InMemoryOrchestrationService(sp.GetRequiredService<ILoggerFactory>()), sp, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IRoomOrchestrations>(sp => new TaskHubClientRoomOrchestrations(sp.GetRequiredService<DurableTaskEngine>().Client));
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        var engine = provider.GetRequiredService<DurableTaskEngine>();
        await engine.StartAsync(CancellationToken.None);
        return new RoomEngineHarness(provider, engine);
    }

    public async Task<VisitorSession> NewSessionAsync()
    {
        var created = (await Get<CreateSessionHandler>().HandleAsync(Client, CancellationToken.None)).Value!;
        return (await Get<ISessionStore>().GetAsync(created.SessionId, CancellationToken.None))!;
    }

    public async Task<IReadOnlyList<ChatMessage>> WaitForMessagesAsync(string roomId, int count, TimeSpan? timeout = null) =>
        await Eventually.ReturnsAsync(
            () => Rooms.ReadMessagesAsync(roomId, 0, 5000, CancellationToken.None),
            messages => messages.Count >= count,
            timeout,
            $"Room {roomId} did not reach {count} messages");

    /// <summary>Waits until the transcript has a message containing <paramref name="text"/>; returns the whole transcript.</summary>
    public async Task<IReadOnlyList<ChatMessage>> WaitForTextAsync(string roomId, string text, TimeSpan? timeout = null) =>
        await Eventually.ReturnsAsync(
            () => Rooms.ReadMessagesAsync(roomId, 0, 5000, CancellationToken.None),
            messages => messages.Any(m => m.Text.Contains(text, StringComparison.Ordinal)),
            timeout,
            $"Room {roomId} never showed '{text}'");

    /// <summary>The number of history events of the room orchestration's current execution.</summary>
    public async Task<int> HistoryLengthAsync(string roomId)
    {
        var state = await _engine.Client.GetOrchestrationStateAsync(roomId);
        var history = await _engine.Client.GetOrchestrationHistoryAsync(state!.OrchestrationInstance);
        return System.Text.Json.JsonDocument.Parse(history).RootElement.GetArrayLength();
    }

    /// <summary>The room orchestration's current execution id and the size of the state it was started with.</summary>
    public async Task<(string ExecutionId, int InputLength)> ExecutionAsync(string roomId)
    {
        var state = await _engine.Client.GetOrchestrationStateAsync(roomId);
        return (state!.OrchestrationInstance.ExecutionId, state.Input?.Length ?? 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
