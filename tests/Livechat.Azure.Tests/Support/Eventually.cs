namespace Livechat.Azure.Tests.Support;

/// <summary>Waits for an asynchronous outcome (an orchestration's reply) instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException(because ?? $"Condition not met in time; last value: {value}");
            await Task.Delay(50);
        }
    }
}
