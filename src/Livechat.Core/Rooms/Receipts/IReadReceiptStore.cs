namespace Livechat.Core.Rooms.Receipts;

/// <summary>The two read watermarks of each room (<see cref="ReadWatermarks"/>), one per side.</summary>
public interface IReadReceiptStore
{
    /// <summary>Both watermarks; <see cref="ReadWatermarks.None"/> for a room nobody has read.</summary>
    Task<ReadWatermarks> GetAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves <paramref name="reader"/>'s watermark up to <paramref name="seq"/> unless it is there or beyond already
    /// (a late or repeated report never moves it back); returns the watermark as stored afterwards and whether this
    /// call moved it.
    /// </summary>
    Task<(long Seq, bool Moved)> AdvanceAsync(string roomId, Sender reader, long seq, CancellationToken cancellationToken);
}
