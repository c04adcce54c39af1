namespace Livechat.Core.Rooms.Receipts;

/// <summary>
/// How far each side of a room has seen its transcript: every message up to and including that sequence number
/// (0: nothing yet). A watermark only moves forward.
/// </summary>
public sealed record ReadWatermarks(long Visitor, long Agent)
{
    public static ReadWatermarks None { get; } = new(0, 0);

    /// <summary>The watermark of <paramref name="reader"/>'s side: the visitor's, or the agent's for anyone else.</summary>
    public long Of(Sender reader) => reader == Sender.Visitor ? Visitor : Agent;
}
