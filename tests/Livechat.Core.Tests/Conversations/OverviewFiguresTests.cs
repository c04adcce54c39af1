using Livechat.Core.Conversations;
using Livechat.Core.Rooms;

namespace Livechat.Core.Tests.Conversations;

public sealed class OverviewFiguresTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new double[0], null)]
    [InlineData(new[] { 7.0 }, 7.0)]
    [InlineData(new[] { 30.0, 10.0, 20.0 }, 20.0)]
    [InlineData(new[] { 40.0, 10.0, 30.0, 20.0 }, 25.0)]
    public void Median_IsTheMiddle_OrTheMeanOfTheTwoMiddles(double[] values, double? median) =>
        Assert.Equal(median, OverviewFigures.Median(values));

    [Fact]
    public void Compute_CountsPerDay_BotFinishedShareOfEndedChats_AndMedianFromTransferToFirstReply()
    {
        ConversationEntry Entry(string id, DateTimeOffset start, RoomStatus status, int? transferAfter = null, int? replyAfter = null) =>
            ConversationEntry.Of(ConversationEntryTests.Room(status, roomId: id, createdAt: start)) with
            {
                TransferredAt = transferAfter is null ? null : start.AddSeconds(transferAfter.Value),
                FirstAgentReplyAt = replyAfter is null ? null : start.AddSeconds(replyAfter.Value),
            };
        var entries = new[]
        {
            Entry("r-1", Morning, RoomStatus.Ended),                                  // the bot finished it
            Entry("r-2", Morning.AddHours(1), RoomStatus.Ended),                      // the bot finished it
            Entry("r-3", Morning.AddHours(2), RoomStatus.Ended, transferAfter: 60, replyAfter: 90),   // 30 s
            Entry("r-4", Morning.AddDays(-2), RoomStatus.Ended, transferAfter: 10, replyAfter: 100),  // 90 s
            Entry("r-5", Morning.AddDays(-2), RoomStatus.Waiting, transferAfter: 5),  // not answered yet, not ended
            Entry("r-6", Morning.AddDays(-3), RoomStatus.Open),
        };

        var overview = OverviewFigures.Compute(entries, Today, days: 4, waitingNow: 1);

        Assert.Equal(["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"], overview.ChatsPerDay.Select(d => d.Date));
        Assert.Equal([1, 2, 0, 3], overview.ChatsPerDay.Select(d => d.Chats));
        Assert.Equal((6, 4, 2), (overview.Chats, overview.Ended, overview.BotFinished));
        Assert.Equal(0.5, overview.BotFinishedShare);
        Assert.Equal((2, 60.0), (overview.Answered, overview.MedianFirstReplySeconds));
        Assert.Equal(1, overview.WaitingNow);
    }

    [Fact]
    public void Compute_NothingEndedOrAnswered_LeavesTheShareAndTheMedianEmpty()
    {
        var overview = OverviewFigures.Compute([], Today, days: 14, waitingNow: 0);

        Assert.Equal(14, overview.ChatsPerDay.Count);
        Assert.All(overview.ChatsPerDay, d => Assert.Equal(0, d.Chats));
        Assert.Null(overview.BotFinishedShare);
        Assert.Null(overview.MedianFirstReplySeconds);
    }
}
