using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using System.Collections.Concurrent;

namespace Livechat.Core.Limits;

/// <summary>
/// Fixed-window counters per session, kept in memory: no storage round trip on the hot path. In Azure each
/// instance counts on its own, so a session spread over several instances may get that many times the limit; it is
/// a brake on a runaway or abusive page, not a quota.
/// </summary>
public sealed class SessionRateLimiter(IOptions<LimitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    public Problem? TryMessage(string sessionId) =>
        Take($"m:{sessionId}", options.Value.MessagesPerMinute, TimeSpan.FromMinutes(1), "messages a minute");

    public Problem? TryRoom(string sessionId) =>
        Take($"r:{sessionId}", options.Value.RoomsPerHour, TimeSpan.FromHours(1), "new chats an hour");

    private Problem? Take(string key, int limit, TimeSpan length, string what)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > 100_000) Sweep(now);
        var window = _windows.AddOrUpdate(key,
            _ => new Window(now + length, 1),
            (_, w) => w.EndsAt <= now ? new Window(now + length, 1) : w with { Count = w.Count + 1 });
        var wait = window.EndsAt - now;
        return window.Count <= limit ? null : Problem.TooMany($"At most {limit} {what}; try again in {(int)Math.Ceiling(wait.TotalSeconds)} s.", wait);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
            if (window.EndsAt <= now) _windows.TryRemove(key, out _);
    }

    private sealed record Window(DateTimeOffset EndsAt, int Count);
}
