using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Webhooks.Events;
using System.Text.Json;

namespace Livechat.Core.Tests.Webhooks.Events;

/// <summary>Which chat event is which webhook event, with which seq and payload: the whole map, one row per event.</summary>
public sealed class WebhookEventsTests
{
    private static readonly Room BotRoom = new()
    {
        RoomId = "r-1", SessionId = "s-1", VisitorId = "v-1", UserId = "alice", UserVerified = true, RealtimeUserId = "u-alice", RecipeId = "welcome",
        RecipeVersion = 2, NextSeq = 4, CreatedAt = DateTimeOffset.UnixEpoch,
    };
    private static readonly Room AgentRoom = BotRoom with { Status = RoomStatus.Agent, AgentId = "ann", Department = "sales" };
    private static readonly ChatMessage Message = new() { Id = "m-3", RoomId = "r-1", Seq = 3, Sender = Sender.Agent, AgentId = "ann", Text = "Hi, Ann here.", SentAt = DateTimeOffset.UnixEpoch };

    public static TheoryData<string, ChatEvent, string?> Events => new()
    {
        { "started", new ChatEvent.Started(BotRoom with { NextSeq = 1 }), WebhookEventTypes.ChatStarted },
        { "a message", new ChatEvent.MessageAdded(AgentRoom, Message), WebhookEventTypes.MessageCreated },
        { "transferred (queued)", new ChatEvent.Queued(BotRoom with { Status = RoomStatus.Waiting }, "sales", "Vera"), WebhookEventTypes.ChatTransferred },
        { "assigned (claimed)", new ChatEvent.Claimed(AgentRoom, "sales", "ann", "Ann"), WebhookEventTypes.ChatAssigned },
        { "ended", new ChatEvent.Ended(AgentRoom, EndReasons.ClosedByVisitor), WebhookEventTypes.ChatEnded },
        { "identified", new ChatEvent.UserIdentified("v-1", "alice", true, "r-1"), WebhookEventTypes.UserIdentified },
        { "typing is for clients only", new ChatEvent.Typing(AgentRoom, Sender.Visitor), null },
        { "agent joined: chat.assigned says it", new ChatEvent.AgentJoined(AgentRoom, "Ann"), null },
        { "logout: chat.ended says what matters", new ChatEvent.LoggedOut("v-1", "alice", "r-1"), null },
        { "an internal note never leaves the agents", new ChatEvent.NoteAdded(AgentRoom, new Livechat.Core.Notes.RoomNote("n-1", "r-1", 3, "ann", "Ann", "VIP, refund quietly", "c-1", DateTimeOffset.UnixEpoch)), null },
        { "read marks are for clients only", new ChatEvent.Read(AgentRoom, Sender.Visitor, 3), null },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void For_EachChatEvent_GivesItsWebhookType(string why, ChatEvent chatEvent, string? expected)
    {
        Assert.True(expected == WebhookEvents.For(chatEvent)?.Type, why);
        if (expected is not null) Assert.Contains(expected, WebhookEventTypes.All);
    }

    [Fact]
    public void For_AMessage_CarriesItsSeqTextSenderAndRoom()
    {
        var mapped = WebhookEvents.For(new ChatEvent.MessageAdded(AgentRoom, Message))!;
        var json = JsonSerializer.SerializeToElement(mapped.Data, LivechatJson.Options);

        Assert.Equal(("r-1", 3L), (mapped.RoomId, mapped.Seq));
        var message = json.GetProperty("message");
        Assert.Equal(("m-3", 3, "agent", "Hi, Ann here.", "ann"), (message.GetProperty("id").GetString(), message.GetProperty("seq").GetInt32(),
            message.GetProperty("sender").GetString(), message.GetProperty("text").GetString(), message.GetProperty("agentId").GetString()));
        var room = json.GetProperty("room");
        Assert.Equal(("r-1", "alice", true, "sales", "agent"), (room.GetProperty("id").GetString(), room.GetProperty("userId").GetString(),
            room.GetProperty("userVerified").GetBoolean(), room.GetProperty("department").GetString(), room.GetProperty("status").GetString()));
    }

    [Fact]
    public void For_RoomEvents_CarryTheSeqOfTheRoomsLastMessage_SoTheySortAmongItsMessages()
    {
        Assert.Equal(0, WebhookEvents.For(new ChatEvent.Started(BotRoom with { NextSeq = 1 }))!.Seq);
        Assert.Equal(3, WebhookEvents.For(new ChatEvent.Claimed(AgentRoom, "sales", "ann", "Ann"))!.Seq);
        var ended = WebhookEvents.For(new ChatEvent.Ended(AgentRoom, EndReasons.ClosedByVisitor))!;
        Assert.Equal(3, ended.Seq);
        var json = JsonSerializer.SerializeToElement(ended.Data, LivechatJson.Options);
        Assert.Equal(("ended", EndReasons.ClosedByVisitor), (json.GetProperty("room").GetProperty("status").GetString(), json.GetProperty("reason").GetString()));
    }

    [Fact]
    public void For_UserIdentified_HasNoSeq_AndNamesTheUserAndVisitor()
    {
        var mapped = WebhookEvents.For(new ChatEvent.UserIdentified("v-1", "alice", false, null))!;
        var json = JsonSerializer.SerializeToElement(mapped.Data, LivechatJson.Options);

        Assert.Null(mapped.Seq);
        Assert.Equal(("alice", "v-1", false), (json.GetProperty("userId").GetString(), json.GetProperty("visitorId").GetString(), json.GetProperty("verified").GetBoolean()));
    }
}
