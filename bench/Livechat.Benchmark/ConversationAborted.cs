namespace Livechat.Benchmark;

/// <summary>A step failed: the conversation stops (the failure is already counted).</summary>
internal sealed class ConversationAborted(string message) : Exception(message)
{
    /// <summary>Counts a reply or event that never came as lost, and stops the conversation that waited for it.</summary>
    public static ConversationAborted Lost(PhaseMetrics metrics, string what)
    {
        metrics.Lost(what);
        return new ConversationAborted(what);
    }
}
