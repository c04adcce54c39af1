using Livechat.Core.Conversations;
using Livechat.Core.Rooms;

namespace Livechat.Core.Tests.Conversations;

public sealed class ConversationEntryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    internal static Room Room(RoomStatus status = RoomStatus.Open, string? department = null, string? agentId = null, string roomId = "r-1",
        DateTimeOffset? createdAt = null, string? userId = null) => new()
    {
        RoomId = roomId,
        SessionId = "s-1",
        VisitorId = "v-1",
        UserId = userId,
        RealtimeUserId = "v-v-1",
        RecipeId = "welcome",
        RecipeVersion = 1,
        Status = status,
        Department = department,
        AgentId = agentId,
        CreatedAt = createdAt ?? Start,
        EndedAt = status == RoomStatus.Ended ? (createdAt ?? Start).AddMinutes(30) : null,
        EndReason = status == RoomStatus.Ended ? EndReasons.ClosedByVisitor : null,
        ETag = "1",
    };

    [Fact]
    public void After_ATransferThenAMoveToAnotherQueue_KeepsTheFirstTransferTime()
    {
        var opened = ConversationEntry.Of(Room());
        var waiting = ConversationEntry.After(opened, Room(RoomStatus.Waiting, "sales"), Start.AddMinutes(1))!;
        var moved = ConversationEntry.After(waiting, Room(RoomStatus.Waiting, "support"), Start.AddMinutes(5))!;

        Assert.Equal(Start.AddMinutes(1), moved.TransferredAt);
        Assert.Equal("support", moved.Department);
        Assert.Null(moved.ClaimedAt);
        Assert.Null(opened.TransferredAt);
    }

    [Fact]
    public void After_AClaim_RecordsWhenAndWho()
    {
        var waiting = ConversationEntry.After(ConversationEntry.Of(Room()), Room(RoomStatus.Waiting, "sales"), Start.AddMinutes(1))!;

        var claimed = ConversationEntry.After(waiting, Room(RoomStatus.Agent, "sales", "ann"), Start.AddMinutes(3))!;

        Assert.Equal((RoomStatus.Agent, "ann", Start.AddMinutes(3)), (claimed.Status, claimed.AgentId, claimed.ClaimedAt));
    }

    [Fact]
    public void After_AWriteArrivingAfterALaterOne_NeverMovesTheStatusBack()
    {
        var ended = ConversationEntry.Of(Room(RoomStatus.Ended, "sales", "ann"));

        Assert.Null(ConversationEntry.After(ended, Room(RoomStatus.Agent, "sales", "ann"), Start.AddMinutes(2)));
        Assert.Null(ConversationEntry.After(ended, Room(RoomStatus.Ended, "sales", "ann"), Start.AddMinutes(2)));
    }

    [Fact]
    public void After_SetUserIdOnAnOpenRoom_ChangesOnlyTheUser()
    {
        var opened = ConversationEntry.Of(Room());

        var linked = ConversationEntry.After(opened, Room(userId: "u-42"), Start.AddMinutes(2))!;

        Assert.Equal(opened with { UserId = "u-42" }, linked);
    }

    [Fact]
    public void After_NoEntryYet_BuildsItFromTheRoom()
    {
        var built = ConversationEntry.After(null, Room(RoomStatus.Agent, "sales", "ann"), Start.AddMinutes(4))!;

        Assert.Equal((RoomStatus.Agent, Start.AddMinutes(4), Start.AddMinutes(4)), (built.Status, built.TransferredAt, built.ClaimedAt));
        Assert.Equal(Start, built.StartedAt);
    }
}
