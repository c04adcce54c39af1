using Livechat.Azure.Tests.Support;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;

namespace Livechat.Azure.Tests.Durable;

public sealed class RoomOrchestrationEngineTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task OpenRoom_ThenButtonClick_BotGreetsAndReplies()
    {
        await using var harness = await RoomEngineHarness.StartAsync();
        var session = await harness.NewSessionAsync();

        var opened = await harness.Get<OpenRoomHandler>().HandleAsync(session, RoomEngineHarness.Client, None);
        var roomId = opened.Value!.RoomId;
        var greeting = await harness.WaitForMessagesAsync(roomId, 2);

        Assert.Equal(["greet", "menu"], greeting.Select(m => m.BlockId));
        Assert.Equal(["pricing", "support", "agent"], greeting[1].Buttons.Select(b => b.Id));

        var session2 = (await harness.Get<Core.Sessions.ISessionStore>().GetAsync(session.SessionId, None))!;
        var posted = await harness.Get<PostMessageHandler>().HandleAsync(session2, roomId, new PostMessageRequest("click-1", "Pricing", "pricing"), None);
        Assert.True(posted.IsSuccess);

        var all = await harness.WaitForMessagesAsync(roomId, 5);
        Assert.Equal([Sender.Bot, Sender.Bot, Sender.Visitor, Sender.Bot, Sender.Bot], all.Select(m => m.Sender));
        Assert.Equal("pricing", all[3].BlockId);
        Assert.Contains(harness.Realtime.Sent, e => e.EventName == RealtimeEvents.Message && e.Payload is ChatMessage { BlockId: "pricing" });

        await harness.Get<CloseRoomHandler>().HandleAsync(session2, roomId, None);
        await Eventually.ReturnsAsync(() => harness.Orchestrations.GetStatusAsync(roomId, None), s => s == "Completed");
        Assert.Contains(harness.Realtime.Sent, e => e.EventName == RealtimeEvents.ChatEnded);
    }

    [Fact]
    public async Task BurstOfMessages_AcrossContinueAsNew_EachAnsweredExactlyOnce()
    {
        await using var harness = await RoomEngineHarness.StartAsync(new Dictionary<string, string?> { ["Rooms:TurnsPerGeneration"] = "3" });
        var session = await harness.NewSessionAsync();
        var roomId = (await harness.Get<OpenRoomHandler>().HandleAsync(session, RoomEngineHarness.Client, None)).Value!.RoomId;
        await harness.WaitForMessagesAsync(roomId, 2);

        const int visitorMessages = 12;
        var post = harness.Get<PostMessageHandler>();
        for (var i = 0; i < visitorMessages; i++)
        {
            var choice = i % 2 == 0 ? "pricing" : "support";
            Assert.True((await post.HandleAsync(session, roomId, new PostMessageRequest($"burst-{i}", null, choice), None)).IsSuccess);
        }

        // Each choice is answered with its reply and the menu again: 2 greeting + 12 x (visitor + 2 bot).
        var all = await harness.WaitForMessagesAsync(roomId, 2 + visitorMessages * 3, TimeSpan.FromSeconds(60));
        await Task.Delay(1000);
        all = await harness.Rooms.ReadMessagesAsync(roomId, 0, 1000, None);
        Assert.Equal(2 + visitorMessages * 3, all.Count);
        Assert.Equal(visitorMessages / 2, all.Count(m => m.BlockId == "pricing"));
        Assert.Equal(visitorMessages / 2, all.Count(m => m.BlockId == "support"));
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(m => m.Seq));
    }

    [Fact]
    public async Task IdleRoom_PastInactivityTimeout_IsEndedByTheSweep_AndItsFlowCompletes()
    {
        await using var harness = await RoomEngineHarness.StartAsync(new Dictionary<string, string?> { ["Rooms:InactivityTimeout"] = "00:00:05" });
        var session = await harness.NewSessionAsync();
        var roomId = (await harness.Get<OpenRoomHandler>().HandleAsync(session, RoomEngineHarness.Client, None)).Value!.RoomId;
        await harness.WaitForMessagesAsync(roomId, 2);
        await harness.Get<PostMessageHandler>().HandleAsync(session, roomId, new PostMessageRequest("click-1", "Pricing", "pricing"), None);
        await harness.WaitForMessagesAsync(roomId, 5);
        var sweep = harness.Get<IdleRooms>();

        Assert.Equal(0, await sweep.SweepAsync(None));
        var room = await Eventually.ReturnsAsync(async () =>
        {
            await sweep.SweepAsync(None);
            return await harness.Rooms.GetAsync(roomId, None);
        }, r => r!.Status == RoomStatus.Ended, TimeSpan.FromSeconds(30));

        Assert.Equal(EndReasons.Inactivity, room!.EndReason);
        Assert.True(room.EndedAt - room.CreatedAt >= TimeSpan.FromSeconds(5), $"ended after {room.EndedAt - room.CreatedAt}");
        Assert.Contains(harness.Realtime.Sent, e => e.EventName == RealtimeEvents.ChatEnded && e.Payload is RoomEndedEvent { Reason: EndReasons.Inactivity });
        await Eventually.ReturnsAsync(() => harness.Orchestrations.GetStatusAsync(roomId, None), s => s == "Completed");
    }

    [Fact]
    public async Task AbandonedRoom_IsGreetedAndEndedByTheSweep_WithoutEverStartingAnOrchestration()
    {
        await using var harness = await RoomEngineHarness.StartAsync(new Dictionary<string, string?> { ["Rooms:InactivityTimeout"] = "00:00:05" });
        var session = await harness.NewSessionAsync();
        var roomId = (await harness.Get<OpenRoomHandler>().HandleAsync(session, RoomEngineHarness.Client, None)).Value!.RoomId;

        // The greeting is there when openWidget returns, with no orchestration behind it.
        Assert.Equal(["greet", "menu"], (await harness.Rooms.ReadMessagesAsync(roomId, 0, 10, None)).Select(m => m.BlockId));
        Assert.Null(await harness.Orchestrations.GetStatusAsync(roomId, None));

        var sweep = harness.Get<IdleRooms>();
        var room = await Eventually.ReturnsAsync(async () =>
        {
            await sweep.SweepAsync(None);
            return await harness.Rooms.GetAsync(roomId, None);
        }, r => r!.Status == RoomStatus.Ended, TimeSpan.FromSeconds(30));

        Assert.Equal(EndReasons.Inactivity, room!.EndReason);
        Assert.Null(await harness.Orchestrations.GetStatusAsync(roomId, None));
    }
}
