namespace Livechat.Core.Conversations;

/// <summary>
/// The dashboard's figures over the rooms started in the last <see cref="Days"/> UTC days (today included).
/// <see cref="BotFinishedShare"/>: of the rooms that ended, the share never transferred to a human; null when none
/// ended. <see cref="MedianFirstReplySeconds"/>: the median, over rooms an agent answered, of the time from the
/// room's first transfer (when the visitor started waiting for a human) to the first agent message; null when no
/// room was answered. <see cref="WaitingNow"/>: rooms of the window waiting in a queue now.
/// </summary>
public sealed record Overview(
    int Days,
    IReadOnlyList<DayCount> ChatsPerDay,
    int Chats,
    int Ended,
    int BotFinished,
    double? BotFinishedShare,
    int Answered,
    double? MedianFirstReplySeconds,
    int WaitingNow);

/// <summary>Rooms started on one UTC day (<c>yyyy-MM-dd</c>).</summary>
public sealed record DayCount(string Date, int Chats);
