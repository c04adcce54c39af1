using Azure.Data.Tables;
using DurableTask.AzureStorage;
using Livechat.LocalStack;
using Microsoft.Extensions.Logging.Abstractions;
using System.Text.Json;

namespace Livechat.Benchmark;

/// <summary>
/// Deletes what one stopped server left in Azurite: its task hub (control and work-item queues, with the pending
/// timer messages every room leaves behind; History and Instances tables; lease blobs) and its app tables. Every level
/// and the history phase then start on storage as empty as a fresh Azurite, whatever ran before them.
/// </summary>
public static class StorageCleanup
{
    /// <summary>The task hub has a control queue per partition: as many as the root host.json, which both apps run with, says.</summary>
    private static readonly Lazy<int> HostJsonPartitionCount = new(() =>
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(StackPaths.Root, "host.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return hostJson.RootElement.TryGetProperty("extensions", out var extensions)
               && extensions.TryGetProperty("durableTask", out var durable)
               && durable.TryGetProperty("storageProvider", out var storage)
               && storage.TryGetProperty("partitionCount", out var count)
            ? count.GetInt32()
            : 4; // the engine's default
    });

    public static async Task DeleteAsync(string connectionString, ServerTarget target, TextWriter log, CancellationToken cancellationToken)
    {
        var bound = TimeSpan.FromSeconds(60);
        try
        {
            var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = target.TaskHubName,
                StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
                PartitionCount = HostJsonPartitionCount.Value,
                LoggerFactory = NullLoggerFactory.Instance,
            });
            await service.DeleteAsync().WaitAsync(bound, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.WriteLine($"  cleanup: task hub {target.TaskHubName} not deleted: {ex.GetType().Name}: {ex.Message}");
        }
        if (string.IsNullOrEmpty(target.TablePrefix)) return;
        try
        {
            var tables = new TableServiceClient(connectionString);
            var names = new List<string>();
            await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken))
                if (table.Name.StartsWith(target.TablePrefix, StringComparison.Ordinal)) names.Add(table.Name);
            foreach (var name in names) await tables.DeleteTableAsync(name, cancellationToken).WaitAsync(bound, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.WriteLine($"  cleanup: tables {target.TablePrefix}* not all deleted: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
