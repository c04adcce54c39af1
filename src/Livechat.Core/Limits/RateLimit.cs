using Livechat.Core.Common;

namespace Livechat.Core.Limits;

/// <summary>A limit of <paramref name="Max"/> per fixed, clock-aligned window (UTC); 0 means none.</summary>
/// <param name="Name">The counters' name (a Table Storage key).</param>
/// <param name="What">What is counted, as the refusal says it ("new sessions an hour from one network address").</param>
internal sealed record RateLimit(string Name, TimeSpan Window, int Max, string What)
{
    public bool IsOn => Max > 0;

    public DateTimeOffset WindowOf(DateTimeOffset now) => new(now.UtcTicks - now.UtcTicks % Window.Ticks, TimeSpan.Zero);

    public RateCounterKey KeyFor(DateTimeOffset now, string client) => new(Name, WindowOf(now), client);

    /// <summary>The 429: the window is fixed, so the wait is exactly until it ends.</summary>
    public Problem Refusal(DateTimeOffset now)
    {
        var wait = WindowOf(now) + Window - now;
        return Problem.TooMany($"At most {Max} {What}; try again in {(int)Math.Ceiling(wait.TotalSeconds)} s.", wait);
    }
}
