using System.Collections.Concurrent;

namespace Livechat.Benchmark;

/// <summary>Thread-safe latency samples of one measured call, in milliseconds.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> _samples = [];

    public void Add(TimeSpan elapsed) => _samples.Add(elapsed.TotalMilliseconds);

    public void AddMilliseconds(double milliseconds) => _samples.Add(milliseconds);

    public int Count => _samples.Count;

    public Percentiles Summarize() => Percentiles.Of(_samples);
}

/// <summary>p50/p95/p99 (nearest rank) of a sample set, in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Percentiles Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.OrderBy(x => x).ToArray();
        if (sorted.Length == 0) return Empty;
        return new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1], sorted.Average());
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
