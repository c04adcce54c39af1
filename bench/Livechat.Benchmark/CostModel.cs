namespace Livechat.Benchmark;

/// <summary>
/// Azure prices the model uses (USD, pay-as-you-go, as published on Azure's pricing pages in 2026; check them
/// before relying on the figures) and the assumptions for what the benchmark cannot measure locally.
/// </summary>
public static class Prices
{
    public const string AsOf = "Azure list prices (USD, pay-as-you-go) as published in 2026; verify on the Azure pricing pages before use";

    // Azure Functions.
    public const double FlexGbSecond = 0.000026;          // Flex Consumption, on-demand execution time
    public const double FlexPerMillionExecutions = 0.40;  // Flex Consumption, on-demand executions
    public const double FlexInstanceMemoryGb = 2.0;       // infra/main.bicep instanceMemoryMB = 2048: Flex bills the instance size
    public const double ConsumptionGbSecond = 0.000016;
    public const double ConsumptionPerMillionExecutions = 0.20;
    public const double ConsumptionMinimumSeconds = 0.1;  // Consumption bills at least 100 ms per execution
    public const double ConsumptionMemoryStepMb = 128;    // and memory rounded up to 128 MB

    // Storage (Standard, LRS).
    public const double TablePer10K = 0.00036;            // Table Storage transactions
    public const double QueuePer10K = 0.004;              // Queue Storage operations (assumed: GPv2 LRS class 1/2)
    public const double BlobPer10K = 0.065;               // Blob operations, priced at the hot-tier write rate (leases are writes; an upper bound)

    // Azure SignalR Service Standard.
    public const double SignalRUnitPerDay = 1.61;         // 1 unit: 1,000 concurrent connections, 1,000,000 messages/day
    public const double SignalRConnectionsPerUnit = 1000;
    public const double SignalRMessagesPerUnitDay = 1_000_000; // billed in 2 KB chunks (outbound; inbound is free)

    // Not measurable locally: assumptions.
    public const double ConversationMinutes = 5;          // how long a visitor's connection stays open per conversation
    public const double DurableExecutionSeconds = 0.1;    // an orchestrator episode or an activity: a few ms of work; billed as 100 ms

    // Free grants (per subscription per month), not subtracted in the per-1,000 figures.
    public const string FreeGrants = "Consumption: 400,000 GB-s and 1,000,000 executions a month; Flex Consumption on-demand: 100,000 GB-s and 250,000 executions a month";
}

/// <summary>What one conversation costs, from the counts one level measured.</summary>
public sealed record ConversationCost(
    string Kind,
    double HttpCalls,
    double HttpSeconds,
    double HttpSecondsBilledConsumption,
    double Episodes,
    double Activities,
    double HistoryEvents,
    double TableTransactions,
    double QueueOperations,
    double BlobOperations,
    double SignalRMessages,
    double SignalRUnits2Kb,
    double MemoryGbConsumption,
    double BusySecondsBound)
{
    public double Executions => HttpCalls + Episodes + Activities;

    /// <summary>Flex: every execution on its own (no overlap), an upper bound.</summary>
    public double FlexGbSeconds => (HttpSeconds + (Episodes + Activities) * Prices.DurableExecutionSeconds) * Prices.FlexInstanceMemoryGb;

    /// <summary>Flex at the overlap measured here: one instance busy for the whole phase, shared by its conversations.</summary>
    public double FlexGbSecondsOverlapped => Math.Min(FlexGbSeconds, BusySecondsBound * Prices.FlexInstanceMemoryGb);

    public double ConsumptionGbSeconds => (HttpSecondsBilledConsumption + (Episodes + Activities) * Math.Max(Prices.DurableExecutionSeconds, Prices.ConsumptionMinimumSeconds)) * MemoryGbConsumption;

    public double FlexCompute => FlexGbSeconds * Prices.FlexGbSecond + Executions * Prices.FlexPerMillionExecutions / 1e6;
    public double FlexComputeOverlapped => FlexGbSecondsOverlapped * Prices.FlexGbSecond + Executions * Prices.FlexPerMillionExecutions / 1e6;
    public double ConsumptionCompute => ConsumptionGbSeconds * Prices.ConsumptionGbSecond + Executions * Prices.ConsumptionPerMillionExecutions / 1e6;
    public double Storage => TableTransactions * Prices.TablePer10K / 1e4 + QueueOperations * Prices.QueuePer10K / 1e4 + BlobOperations * Prices.BlobPer10K / 1e4;
    public double TableStorage => TableTransactions * Prices.TablePer10K / 1e4;
    public double QueueStorage => QueueOperations * Prices.QueuePer10K / 1e4;
    public double BlobStorage => BlobOperations * Prices.BlobPer10K / 1e4;

    /// <summary>A conversation's share of a SignalR unit-day: its connection time or its messages, whichever is larger.</summary>
    public double SignalRUnitDays => Math.Max(
        Prices.ConversationMinutes * 60 / (Prices.SignalRConnectionsPerUnit * 86400),
        SignalRUnits2Kb / Prices.SignalRMessagesPerUnitDay);

    public double SignalR => SignalRUnitDays * Prices.SignalRUnitPerDay;
    public double TotalFlex => FlexCompute + Storage + SignalR;
    public double TotalFlexOverlapped => FlexComputeOverlapped + Storage + SignalR;
    public double TotalConsumption => ConsumptionCompute + Storage + SignalR;

    public static ConversationCost? From(string kind, LevelResult level, PhaseMetrics? phase, StorageCounts storage, HistoryCounts history)
    {
        if (phase is null || phase.Conversations == 0) return null;
        double n = phase.Conversations;
        var net = level.NetStorage(storage, phase.Elapsed);
        double Sum(string prefix) => net.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);
        var calls = phase.Calls.Values.Select(c => c.Summarize()).ToList();
        var httpSeconds = calls.Sum(c => c.Mean * c.Count) / 1000;
        var httpBilled = calls.Sum(c => Math.Max(c.Mean / 1000, Prices.ConsumptionMinimumSeconds) * c.Count);
        var memoryMb = (level.PeakMemoryBytes ?? 256L * 1024 * 1024) / 1024.0 / 1024.0;
        var roundedGb = Math.Ceiling(memoryMb / Prices.ConsumptionMemoryStepMb) * Prices.ConsumptionMemoryStepMb / 1024;
        return new ConversationCost(kind,
            phase.HttpCalls / n, httpSeconds / n, httpBilled / n,
            history.Episodes, history.Activities, history.PerRoom,
            Sum("table/") / n, Sum("queue/") / n, Sum("blob/") / n,
            phase.SignalRMessages / n, phase.SignalRUnits / n, roundedGb, phase.Elapsed.TotalSeconds / n);
    }
}
