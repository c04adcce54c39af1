using DurableTask.AzureStorage;
using DurableTask.Core;
using Livechat.Core.Rooms;
using Livechat.Core.Webhooks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Azure.Durable;

/// <summary>
/// Runs the room orchestration and its activities on DurableTask.Core's TaskHubWorker, the engine Durable
/// Functions itself runs on, without the Functions host. The isolated-model classes are wrapped by the SDK's
/// shim factory, so the same <see cref="RoomOrchestrator"/> runs here and in the Functions app.
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
                () => shims.CreateOrchestration(nameof(RoomOrchestrator), new RoomOrchestrator())));
        _worker.AddTaskActivities(
            Activity<StartRoomActivity>(shims, services),
            Activity<ReadVisitorInputsActivity>(shims, services),
            Activity<SendBotMessagesActivity>(shims, services),
            Activity<TransferRoomActivity>(shims, services),
            Activity<CallWebhookActivity>(shims, services));
    }

    public TaskHubClient Client { get; }

    /// <summary>The engine over Azure Storage (Azurite locally), as configured.</summary>
    public static DurableTaskEngine OnAzureStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DurableEngineOptions>>().Value;
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var service = new AzureStorageOrchestrationService(options.ToSettings(options.TaskHubName, loggerFactory));
        return new DurableTaskEngine(service, services, loggerFactory);
    }

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
