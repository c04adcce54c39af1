using System.ComponentModel.DataAnnotations;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Livechat.Azure.Durable;

/// <summary>
/// The local server's Durable Task engine on Azure Storage, tuned as measured on a 2-core machine (see README).
/// </summary>
public sealed class DurableEngineOptions
{
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    public string TaskHubName { get; set; } = "livechat";

    /// <summary>Storage for the task hub; Azurite's well-known development account by default.</summary>
    [Required]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The main latency lever: the longest an idle queue waits between polls.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a dequeued message stays hidden: after a crash, a room whose message the dead worker held waits this
    /// long (the restart test waits 60 s). Under overload it must outlast a work item: at 15 s, 500 rooms at once had
    /// messages delivered again while still in work (PopReceiptMismatch, duplicates) and the extra work fed the
    /// overload; 2 minutes cured that but left a crashed room silent for 2 minutes. 45 s is the measured middle.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(45);

    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// Keeps a room's orchestration in memory between its episodes, so an episode does not read and replay its
    /// history first (measured: a bot reply at N = 1 in 35 ms, not 57 ms; the echo floor in 19 ms, not 40 ms). Off,
    /// because with it a long chat stalled at its sixth to eighth generation, twice in two runs (K = 1,000: no
    /// answer after exchanges 104 and 148; the old generation's timer messages were "received out of order" and
    /// returned to the queue in a loop), and never without it.
    /// </summary>
    public bool ExtendedSessions { get; set; }

    /// <summary>How long an idle orchestration stays in memory with <see cref="ExtendedSessions"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The engine's settings for a task hub (the benchmark's echo floor runs on the same ones).</summary>
    public AzureStorageOrchestrationServiceSettings ToSettings(string taskHubName, ILoggerFactory loggerFactory) => new()
    {
        TaskHubName = taskHubName,
        StorageAccountClientProvider = new StorageAccountClientProvider(ConnectionString),
        MaxQueuePollingInterval = MaxQueuePollingInterval,
        PartitionCount = PartitionCount,
        ControlQueueVisibilityTimeout = MessageVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = MessageVisibilityTimeout,
        ExtendedSessionsEnabled = ExtendedSessions,
        ExtendedSessionIdleTimeout = ExtendedSessionIdleTimeout,
        LoggerFactory = loggerFactory,
    };
}
