namespace Livechat.Benchmark;

/// <summary>How a phase runs its steps: at most so many at once, and waits that give up at the phase's deadline.</summary>
internal static class PhaseSteps
{
    /// <summary>
    /// Runs <paramref name="count"/> steps, at most <paramref name="concurrency"/> at a time; a step that fails is
    /// counted (already, or here) and left out of the result, which keeps the others in index order.
    /// </summary>
    public static async Task<List<T>> BoundedAsync<T>(int count, int concurrency, Func<int, Task<T>> step, PhaseMetrics m, string what, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, concurrency));
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            try { await gate.WaitAsync(ct); }
            catch (OperationCanceledException)
            {
                m.Error($"{what} {i}: the phase ended before its turn");
                return (Ok: false, Value: default(T)!);
            }
            try
            {
                return (Ok: true, Value: await step(i));
            }
            catch (ConversationAborted)
            {
                return (Ok: false, Value: default(T)!);
            }
            catch (Exception ex)
            {
                m.Error($"{what} {i}: {ex.GetType().Name}: {ex.Message}");
                return (Ok: false, Value: default(T)!);
            }
            finally
            {
                gate.Release();
            }
        })));
        return [.. results.Where(r => r.Ok).Select(r => r.Value)];
    }

    /// <summary>Waits; false when the phase's deadline came first.</summary>
    public static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
