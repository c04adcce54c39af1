using Azure.Data.Tables;

namespace Livechat.Benchmark;

/// <summary>History events of the rooms' orchestrations, read from the task hub's History table (one row an event).</summary>
public sealed record HistoryCounts(int Rooms, IReadOnlyDictionary<string, double> PerRoomByType)
{
    public double PerRoom => PerRoomByType.Values.Sum();

    /// <summary>Orchestrator episodes per room: each is one orchestrator function execution in Durable Functions.</summary>
    public double Episodes => PerRoomByType.GetValueOrDefault("OrchestratorStarted");

    /// <summary>Activity calls per room: each is one activity function execution.</summary>
    public double Activities => PerRoomByType.GetValueOrDefault("TaskScheduled");

    public static HistoryCounts None { get; } = new(0, new Dictionary<string, double>());

    /// <summary>
    /// Waits (bounded) until the sampled rooms' orchestrations are no longer running, then counts their history rows
    /// by event type. Reads Azurite directly, so these reads are not in the storage counts.
    /// </summary>
    public static async Task<HistoryCounts> ReadAsync(string connectionString, string taskHub, IReadOnlyList<string> roomIds, int sample, TimeSpan settle, CancellationToken cancellationToken)
    {
        if (roomIds.Count == 0) return None;
        var rooms = roomIds.Take(sample).ToList();
        var instances = new TableClient(connectionString, taskHub + "Instances");
        var history = new TableClient(connectionString, taskHub + "History");

        var deadline = DateTime.UtcNow + settle;
        foreach (var room in rooms)
        {
            while (DateTime.UtcNow < deadline)
            {
                var state = await instances.GetEntityIfExistsAsync<TableEntity>(room, "", ["RuntimeStatus"], cancellationToken);
                var status = state.HasValue ? state.Value!.GetString("RuntimeStatus") : null;
                if (status is "Completed" or "Failed" or "Terminated") break;
                await Task.Delay(200, cancellationToken);
            }
        }

        var totals = new Dictionary<string, double>();
        foreach (var room in rooms)
        {
            await foreach (var row in history.QueryAsync<TableEntity>(e => e.PartitionKey == room, select: ["EventType", "RowKey"], cancellationToken: cancellationToken))
            {
                if (row.RowKey == "sentinel") continue;
                var type = row.GetString("EventType") ?? "?";
                totals[type] = totals.GetValueOrDefault(type) + 1;
            }
        }
        return new HistoryCounts(rooms.Count, totals.ToDictionary(kv => kv.Key, kv => kv.Value / rooms.Count));
    }
}

/// <summary>
/// One instance's history in the task hub's History table (PartitionKey = instance id, one row an event, each row
/// tagged with the ExecutionId of the generation that wrote it): rows of the current execution (the one the
/// Instances table names), rows in all, and the distinct executions the rows still show.
/// </summary>
public sealed record InstanceHistory(string? CurrentExecutionId, string? RuntimeStatus, int CurrentExecutionRows, int TotalRows, IReadOnlyCollection<string> ExecutionIds, IReadOnlyDictionary<string, int> CurrentRowsByType)
{
    /// <summary>Distinct executions the History table still shows rows of (a new generation overwrites the rows of the last).</summary>
    public int ExecutionsInHistory => ExecutionIds.Count;

    /// <summary>Waits (bounded) until the instance is no longer running, then reads its rows. Reads Azurite directly.</summary>
    public static async Task<InstanceHistory> ReadAsync(string connectionString, string taskHub, string instanceId, TimeSpan settle, CancellationToken cancellationToken)
    {
        var instances = new TableClient(connectionString, taskHub + "Instances");
        var history = new TableClient(connectionString, taskHub + "History");
        var deadline = DateTime.UtcNow + settle;
        string? status = null, executionId = null;
        while (true)
        {
            var state = await instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "", ["RuntimeStatus", "ExecutionId"], cancellationToken);
            status = state.HasValue ? state.Value!.GetString("RuntimeStatus") : null;
            executionId = state.HasValue ? state.Value!.GetString("ExecutionId") : null;
            if (status is "Completed" or "Failed" or "Terminated" || DateTime.UtcNow >= deadline) break;
            await Task.Delay(200, cancellationToken);
        }

        int current = 0, total = 0;
        var executions = new HashSet<string>();
        var byType = new Dictionary<string, int>();
        await foreach (var row in history.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["EventType", "ExecutionId", "RowKey"], cancellationToken: cancellationToken))
        {
            if (row.RowKey == "sentinel") continue;
            total++;
            var rowExecution = row.GetString("ExecutionId");
            if (rowExecution is not null) executions.Add(rowExecution);
            if (rowExecution is null || rowExecution != executionId) continue;
            current++;
            var type = row.GetString("EventType") ?? "?";
            byType[type] = byType.GetValueOrDefault(type) + 1;
        }
        if (executionId is not null) executions.Add(executionId);
        return new InstanceHistory(executionId, status, current, total, executions, byType);
    }
}

/// <summary>
/// Watches an instance's ExecutionId in the Instances table (a direct read, not counted): each ContinueAsNew starts a
/// new execution with a new id, so polling after every exchange counts the generations, even when the History table
/// no longer holds the rows of the earlier ones.
/// </summary>
public sealed class ExecutionTracker(string connectionString, string taskHub)
{
    private readonly TableClient _instances = new(connectionString, taskHub + "Instances");
    private readonly HashSet<string> _seen = [];

    public int Count => _seen.Count;

    public IReadOnlyCollection<string> Seen => _seen;

    public async Task ObserveAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await _instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "", ["ExecutionId"], cancellationToken);
        if (state.HasValue && state.Value!.GetString("ExecutionId") is { } id) _seen.Add(id);
    }
}
