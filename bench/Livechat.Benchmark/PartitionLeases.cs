using Azure.Data.Tables;
using Livechat.LocalStack;

namespace Livechat.Benchmark;

/// <summary>One row of the task hub's Partitions table: who runs a control queue's rooms, and who is taking it over.</summary>
public sealed record PartitionLease(string Partition, string Owner, string NextOwner, bool IsDraining)
{
    public override string ToString() =>
        $"{Partition}: {(Owner.Length == 0 ? "(none)" : Owner)}{(NextOwner.Length == 0 ? "" : $" -> {NextOwner}")}{(IsDraining ? " (draining)" : "")}";
}

/// <summary>
/// The Durable engine's partition leases of a scaled-out app (the table partition manager's rows). A host that joins
/// starts with no partition and steals its share: the owner stops taking the partition's messages and waits for the
/// rooms it holds in memory (extended sessions) to go idle before it lets go, so those rooms answer nothing for up to
/// the session idle timeout plus a lease renewal. A load that means to measure the split, not the hand-over, waits
/// for <see cref="WaitUntilSettledAsync"/> first.
/// </summary>
public static class PartitionLeases
{
    public static async Task<IReadOnlyList<PartitionLease>> ReadAsync(ScaleOut app, CancellationToken ct = default)
    {
        var table = new TableClient(app.Hosts[0].StorageConnectionString, app.TaskHubName + "Partitions");
        var leases = new List<PartitionLease>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: ct))
            leases.Add(new PartitionLease(row.RowKey, row.GetString("CurrentOwner") ?? "", row.GetString("NextOwner") ?? "", row.GetBoolean("IsDraining") == true));
        return leases;
    }

    /// <summary>
    /// Until every partition has an owner, none is being handed over, and the app's workers own them evenly (no two
    /// owning counts more than one apart); the leases as they then stand. Throws a <see cref="TimeoutException"/> that
    /// lists them after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<IReadOnlyList<PartitionLease>> WaitUntilSettledAsync(ScaleOut app, TimeSpan timeout, CancellationToken ct = default)
    {
        var workers = app.WorkerNames;
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var leases = await ReadAsync(app, ct);
            if (IsSettled(leases, workers)) return leases;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The partition leases did not settle over {string.Join(", ", workers)} in {timeout.TotalSeconds:0} s: {string.Join("; ", leases)}");
            await Task.Delay(500, ct);
        }
    }

    public static bool IsSettled(IReadOnlyList<PartitionLease> leases, IReadOnlyCollection<string> workers)
    {
        if (leases.Count == 0 || leases.Any(l => l.Owner.Length == 0 || l.NextOwner.Length > 0 || l.IsDraining)) return false;
        var owned = workers.Select(w => leases.Count(l => l.Owner == w)).ToList();
        return owned.Sum() == leases.Count && owned.Max() - owned.Min() <= 1;
    }
}
