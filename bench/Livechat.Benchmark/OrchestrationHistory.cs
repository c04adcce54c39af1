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
