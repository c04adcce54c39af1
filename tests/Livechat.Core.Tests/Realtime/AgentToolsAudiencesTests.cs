using Livechat.Core.Notes;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;

namespace Livechat.Core.Tests.Realtime;

/// <summary>Who hears read receipts and notes: the other side only, and a note never the visitor.</summary>
public sealed class AgentToolsAudiencesTests
{
    private static readonly Room BotRoom = new()
    {
        RoomId = "r-1", SessionId = "s-1", VisitorId = "v-1", RealtimeUserId = "v-v-1", RecipeId = "welcome", RecipeVersion = 1,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
    private static readonly Room AgentRoom = BotRoom with { Status = RoomStatus.Agent, AgentId = "ann", Department = "sales" };
    private static readonly RoomNote Note = new("n-1", "r-1", 4, "ann", "Ann", "VIP", "c-1", DateTimeOffset.UnixEpoch);

    private static string[] Audience(ChatEvent e) =>
        [.. ChatAudiences.For(e).Select(d => d.User is { } user ? $"user {user} {d.EventName}" : $"group {d.Group} {d.EventName}")];

    [Fact]
    public void Read_ByTheVisitor_ReachesTheRoomsAgentsOnly()
    {
        Assert.Equal(["group room-r-1 read"], Audience(new ChatEvent.Read(AgentRoom, Sender.Visitor, 5)));
        Assert.Equal(new ReadEvent("r-1", "visitor", 5), ChatAudiences.For(new ChatEvent.Read(AgentRoom, Sender.Visitor, 5))[0].Payload);
    }

    [Fact]
    public void Read_ByTheVisitor_BeforeAnyAgentHadTheRoom_IsSentToNobody() =>
        Assert.Empty(Audience(new ChatEvent.Read(BotRoom with { Status = RoomStatus.Waiting }, Sender.Visitor, 2)));

    [Fact]
    public void Read_ByTheAgent_ReachesTheVisitorOnly()
    {
        Assert.Equal(["user v-v-1 read"], Audience(new ChatEvent.Read(AgentRoom, Sender.Agent, 7)));
        Assert.Equal(new ReadEvent("r-1", "agent", 7), ChatAudiences.For(new ChatEvent.Read(AgentRoom, Sender.Agent, 7))[0].Payload);
    }

    public static TheoryData<RoomStatus, string?> RoomStates => new()
    {
        { RoomStatus.Open, null }, { RoomStatus.Waiting, null }, { RoomStatus.Agent, "ann" }, { RoomStatus.Ended, "ann" }, { RoomStatus.Ended, null },
    };

    [Theory]
    [MemberData(nameof(RoomStates))]
    public void NoteAdded_InAnyState_ReachesTheRoomsAgentsAndNeverTheVisitor(RoomStatus status, string? agentId)
    {
        var deliveries = ChatAudiences.For(new ChatEvent.NoteAdded(BotRoom with { Status = status, AgentId = agentId }, Note));

        Assert.Equal(["group room-r-1 note"], deliveries.Select(d => $"group {d.Group} {d.EventName}"));
        Assert.All(deliveries, d => Assert.Null(d.User));
        Assert.DoesNotContain(deliveries, d => d.EventName == RealtimeEvents.Message);
        Assert.Same(Note, deliveries[0].Payload);
    }
}
