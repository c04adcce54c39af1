using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Privacy;

/// <summary>How long ended rooms are kept (section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>
    /// Days after its end an ended room goes with its transcript, notes, receipts, files, webhook events and
    /// orchestration history; 0 (the default) keeps rooms for good. Fractions are allowed (0.5: twelve hours), which is
    /// how the benchmark's retention run keeps rooms a minute.
    /// </summary>
    [Range(0d, 36_500d)]
    public double EndedRoomDays { get; set; }

    /// <summary>Rooms one run purges at most; the next run goes on.</summary>
    [Range(1, 10_000)]
    public int MaxRoomsPerRun { get; set; } = 500;
}
