namespace Livechat.Core.Common;

/// <summary>
/// The one retry loop for a read-change-write under an ETag. An attempt reads, decides and tries to save; it returns
/// null when another writer came first, and runs again (on a fresh read) up to <see cref="Budget"/> times before the
/// call answers 409 with <see cref="Conflict"/>.
/// </summary>
public static class OptimisticConcurrency
{
    /// <summary>Attempts one call makes. Losing this many races in a row means a hot spot, not bad luck.</summary>
    public const int Budget = 20;

    /// <param name="subject">What is written, as the conflict problem names it ("session", "room").</param>
    /// <param name="attempt">Given the attempt's number from 0; a result or a problem ends the loop, null tries again.</param>
    public static async Task<Outcome<T>> RunAsync<T>(string subject, Func<int, Task<Outcome<T>?>> attempt)
    {
        for (var i = 0; i < Budget; i++)
            if (await attempt(i) is { } done) return done;
        return Conflict(subject);
    }

    public static Problem Conflict(string subject) => Problem.Conflict($"Too many concurrent changes to this {subject}.", "Try again.");
}
