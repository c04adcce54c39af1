using Livechat.Core.Agents;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;

namespace Livechat.Core.Tests.Realtime;

/// <summary>Who hears what: the whole realtime fan-out of the app, one row per event.</summary>
public sealed class ChatAudiencesTests
{
    private static readonly Room BotRoom = new()
    {
        RoomId = "r-1", SessionId = "s-1", VisitorId = "v-1", RealtimeUserId = "v-v-1", RecipeId = "welcome", RecipeVersion = 1,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
    private static readonly Room AgentRoom = BotRoom with { Status = RoomStatus.Agent, AgentId = "ann", Department = "sales" };
    private static readonly ChatMessage Message = new() { Id = "m-1", RoomId = "r-1", Seq = 3, Sender = Sender.Visitor, Text = "hi", SentAt = DateTimeOffset.UnixEpoch };

    public static TheoryData<string, ChatEvent, string[]> Events => new()
    {
        { "open", new ChatEvent.Started(BotRoom), ["user v-v-1 chatStarted"] },
        { "message, bot holds the room", new ChatEvent.MessageAdded(BotRoom, Message), ["user v-v-1 message"] },
        { "message, waiting for an agent", new ChatEvent.MessageAdded(BotRoom with { Status = RoomStatus.Waiting }, Message), ["user v-v-1 message"] },
        { "message, an agent has it", new ChatEvent.MessageAdded(AgentRoom, Message), ["user v-v-1 message", "group room-r-1 message"] },
        { "ended, the bot had it", new ChatEvent.Ended(BotRoom, EndReasons.Inactivity), ["user v-v-1 chatEnded"] },
        { "ended, an agent had it", new ChatEvent.Ended(AgentRoom, EndReasons.ClosedByVisitor), ["user v-v-1 chatEnded", "group room-r-1 chatEnded"] },
        { "agent joined", new ChatEvent.AgentJoined(AgentRoom, "Ann"), ["user v-v-1 agentJoined", "group room-r-1 agentJoined"] },
        { "queued", new ChatEvent.Queued(BotRoom with { Status = RoomStatus.Waiting }, "sales", "Vera"), ["group dept-sales roomWaiting"] },
        { "claimed", new ChatEvent.Claimed(AgentRoom, "sales", "ann", "Ann"), ["group dept-sales roomClaimed"] },
        { "the visitor types: only the room's agent hears it", new ChatEvent.Typing(AgentRoom, Sender.Visitor), ["group room-r-1 typing"] },
        { "the agent types: only the visitor hears it", new ChatEvent.Typing(AgentRoom, Sender.Agent), ["user v-v-1 typing"] },
        { "logout, anonymous", new ChatEvent.LoggedOut("v-1", null, "r-1"), ["user v-v-1 logoutComplete"] },
        { "logout, a user", new ChatEvent.LoggedOut("v-1", "alice", null), ["user v-v-1 logoutComplete", "user u-alice logoutComplete"] },
        { "identified: for webhooks only, no client hears it", new ChatEvent.UserIdentified("v-1", "alice", true, "r-1"), [] },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void For_EachEvent_NamesItsAudiences(string why, ChatEvent chatEvent, string[] expected)
    {
        var deliveries = ChatAudiences.For(chatEvent);

        Assert.True(expected.SequenceEqual(deliveries.Select(d => d.User is { } user ? $"user {user} {d.EventName}" : $"group {d.Group} {d.EventName}")),
            $"{why}: {string.Join(", ", deliveries.Select(d => $"{d.User ?? d.Group} {d.EventName}"))}");
    }

    [Fact]
    public void For_Payloads_AreTheWireShapesTheClientsRead()
    {
        Assert.Equal(new RoomEndedEvent("r-1", "agent"), ChatAudiences.For(new ChatEvent.Ended(AgentRoom, "agent"))[0].Payload);
        Assert.Equal(new AgentJoinedEvent("r-1", "Ann"), ChatAudiences.For(new ChatEvent.AgentJoined(AgentRoom, "Ann"))[1].Payload);
        Assert.Equal(new RoomWaitingEvent("r-1", "sales", "Vera", null, false), ChatAudiences.For(new ChatEvent.Queued(BotRoom, "sales", "Vera"))[0].Payload);
        Assert.Equal(new RoomClaimedEvent("r-1", "sales", "ann", "Ann"), ChatAudiences.For(new ChatEvent.Claimed(AgentRoom, "sales", "ann", "Ann"))[0].Payload);
        Assert.Equal(new LoggedOut("r-1"), ChatAudiences.For(new ChatEvent.LoggedOut("v-1", null, "r-1"))[0].Payload);
        Assert.Same(Message, ChatAudiences.For(new ChatEvent.MessageAdded(BotRoom, Message))[0].Payload);
    }
}
