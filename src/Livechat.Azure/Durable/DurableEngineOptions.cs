using System.ComponentModel.DataAnnotations;

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
    /// How long a message taken by a worker that then dies stays hidden. The default of 5 minutes would stall a
    /// room that long after a crash; work items here take milliseconds, and activity locks are renewed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;
}
