namespace Livechat.Core.Rooms.Receipts;

/// <summary>
/// The reader's watermark after a report. <paramref name="Throttled"/>: the report came sooner than
/// <see cref="ReadReceiptHandler.Interval"/> after the side's last one and was not looked at: report again after it.
/// </summary>
public sealed record ReadRecorded(long Seq, bool Throttled);
