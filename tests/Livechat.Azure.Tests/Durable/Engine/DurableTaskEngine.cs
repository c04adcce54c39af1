using DurableTask.Core;
using Livechat.Core.Rooms;
using Livechat.Core.Webhooks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Livechat.Azure.Tests.Durable.Engine;

/// <summary>
/// The room orchestration and its activities on DurableTask.Core's TaskHubWorker over the in-memory orchestration
/// service: the same <see cref="RoomOrchestrator"/> the Functions app runs (wrapped by the SDK's shim factory), fast
/// enough for hundreds of turns in a test. The product itself is tested on the Functions host (EndToEnd tests).
/// </summary>
public sealed partial class DurableTaskEngine : IHostedService, IAsyncDisposable
{
    private readonly IOrchestrationService _service;
    private readonly TaskHubWorker _worker;
    private readonly ILogger<DurableTaskEngine> _logger;

    public DurableTaskEngine(IOrchestrationService service, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        _service = service;
        _logger = loggerFactory.CreateLogger<DurableTaskEngine>();
        Client = new TaskHubClient((IOrchestrationServiceClient)service, DurableJson.CoreConverter, loggerFactory);

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = DurableJson.Converter }, loggerFactory);
        _worker = new TaskHubWorker(service, loggerFactory);
        _worker.AddTaskOrchestrations(
            new FactoryObjectCreator<TaskOrchestration>(nameof(RoomOrchestrator),
                () => shims.CreateOrchestration(nameof(RoomOrchestrator), new RoomOrchestrator())),
            new FactoryObjectCreator<TaskOrchestration>(nameof(IdleSweepOrchestrator),
                () => shims.CreateOrchestration(nameof(IdleSweepOrchestrator), new IdleSweepOrchestrator())));
        _worker.AddTaskActivities(
            Activity<StartRoomActivity>(shims, services),
            Activity<ReadVisitorInputsActivity>(shims, services),
            Activity<ResumeDeferredRoomActivity>(shims, services),
            Activity<SendBotMessagesActivity>(shims, services),
            Activity<TransferRoomActivity>(shims, services),
            Activity<CallWebhookActivity>(shims, services),
            Activity<SweepIdleRoomsActivity>(shims, services),
            Activity<SweepExpiredDataActivity>(shims, services));
    }

    public TaskHubClient Client { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _service.CreateIfNotExistsAsync();
        await _worker.StartAsync();
        LogStarted(_service.GetType().Name);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _worker.StopAsync(isForced: true);
    }

    public async ValueTask DisposeAsync()
    {
        _worker.Dispose();
        await Task.CompletedTask;
    }

    private static ObjectCreator<DurableTask.Core.TaskActivity> Activity<T>(DurableTaskShimFactory shims, IServiceProvider services)
        where T : ITaskActivity =>
        new FactoryObjectCreator<DurableTask.Core.TaskActivity>(typeof(T).Name,
            () => shims.CreateActivity(typeof(T).Name, services.GetRequiredService<T>()));

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task engine started on {Backend}")]
    private partial void LogStarted(string backend);
}
