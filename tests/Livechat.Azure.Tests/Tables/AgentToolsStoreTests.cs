using Livechat.Azure.Tests.Support;
using Livechat.Core.CannedResponses;
using Livechat.Core.Notes;
using Livechat.Core.Rooms;
using Livechat.Core.Rooms.Pages;
using Livechat.Core.Rooms.Receipts;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

/// <summary>The agent tools' stores on Azurite: read watermarks, notes beside the transcript, the visitor's page, canned responses.</summary>
public sealed class AgentToolsStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private ServiceProvider _services = null!;
    private IRoomStore _rooms = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _rooms = _services.GetRequiredService<IRoomStore>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<Room> NewRoomWithMessagesAsync(int count)
    {
        var room = (await _rooms.CreateAsync(new Room
        {
            RoomId = Azurite.UniqueName("r"), SessionId = "s1", VisitorId = "v1", RealtimeUserId = "v-v1", RecipeId = "welcome", RecipeVersion = 1,
            CreatedAt = At,
        }, None)).Room;
        for (var i = 1; i <= count; i++)
            room = (await _rooms.AppendAsync(room, new NewMessage(Sender.Visitor, $"m{i}", $"c-{i}"), At, None)).Result.Room ?? room;
        return room;
    }

    [Fact]
    public async Task Watermarks_OnlyMoveForward_EachSideOnItsOwn()
    {
        var receipts = _services.GetRequiredService<IReadReceiptStore>();
        var room = await NewRoomWithMessagesAsync(3);

        Assert.Equal(ReadWatermarks.None, await receipts.GetAsync(room.RoomId, None));
        Assert.Equal((2L, true), await receipts.AdvanceAsync(room.RoomId, Sender.Visitor, 2, None));
        Assert.Equal((2L, false), await receipts.AdvanceAsync(room.RoomId, Sender.Visitor, 1, None)); // late: never back
        Assert.Equal((2L, false), await receipts.AdvanceAsync(room.RoomId, Sender.Visitor, 2, None)); // again: no move, no event
        Assert.Equal((3L, true), await receipts.AdvanceAsync(room.RoomId, Sender.Agent, 3, None));

        Assert.Equal(new ReadWatermarks(2, 3), await receipts.GetAsync(room.RoomId, None));
    }

    [Fact]
    public async Task Watermarks_RacingReports_EndAtTheHighest_AndLeaveTheTranscriptAlone()
    {
        var receipts = _services.GetRequiredService<IReadReceiptStore>();
        var room = await NewRoomWithMessagesAsync(3);

        await Task.WhenAll(Enumerable.Range(1, 12).Select(seq => receipts.AdvanceAsync(room.RoomId, Sender.Agent, seq, None)));

        Assert.Equal(12, (await receipts.GetAsync(room.RoomId, None)).Agent);
        // Their own rows: the room row (its status, its next seq) is as it was.
        Assert.Equal(4, (await _rooms.GetAsync(room.RoomId, None))!.NextSeq);
        Assert.Equal([1L, 2L, 3L], (await _rooms.ReadMessagesAsync(room.RoomId, 0, 100, None)).Select(m => m.Seq));
    }

    [Fact]
    public async Task Notes_AreStoredOncePerClientId_InWrittenOrder_AndNeverInTheTranscript()
    {
        var notes = _services.GetRequiredService<INoteStore>();
        var room = await NewRoomWithMessagesAsync(2);
        var first = new RoomNote("n-1", room.RoomId, 2, "ann", "Ann", "VIP customer", "c-1", At);
        var second = new RoomNote("n-2", room.RoomId, 2, "bob", "Bob", "Refund approved", "c-1", At.AddSeconds(1));

        Assert.Equal((first, true), await notes.AddAsync(first, None));
        Assert.Equal((first, false), await notes.AddAsync(first with { Id = "n-retry", Text = "VIP customer (retry)" }, None));
        await notes.AddAsync(second, None); // the same client id from another agent is another note

        Assert.Equal([first, second], await notes.ListAsync(room.RoomId, 100, None));
        // The transcript is untouched: no row in its key range, no seq taken, the next message gets 3.
        Assert.Equal([1L, 2L], (await _rooms.ReadMessagesAsync(room.RoomId, 0, 100, None)).Select(m => m.Seq));
        var stored = (await _rooms.GetAsync(room.RoomId, None))!;
        Assert.Equal(3, stored.NextSeq);
        Assert.Equal(3, (await _rooms.AppendAsync(stored, new NewMessage(Sender.Visitor, "after", "c-after"), At, None)).Result.Message.Seq);
        Assert.Empty(await notes.ListAsync(Azurite.UniqueName("r"), 100, None));
    }

    [Fact]
    public async Task VisitorPage_TheLastReportWins()
    {
        var pages = _services.GetRequiredService<IVisitorPageStore>();
        var room = await NewRoomWithMessagesAsync(1);

        Assert.Null(await pages.GetAsync(room.RoomId, None));
        await pages.SaveAsync(room.RoomId, new VisitorPage("https://shop.example/", "Shop", At), None);
        await pages.SaveAsync(room.RoomId, new VisitorPage("https://shop.example/cart", null, At.AddSeconds(5)), None);

        Assert.Equal(new VisitorPage("https://shop.example/cart", null, At.AddSeconds(5)), await pages.GetAsync(room.RoomId, None));
        Assert.Single(await _rooms.ReadMessagesAsync(room.RoomId, 0, 100, None));
    }

    [Fact]
    public async Task CannedResponses_PerDepartment_ReplacedByShortcut_AndDeleted()
    {
        var store = _services.GetRequiredService<ICannedResponseStore>();
        await store.SaveAsync(new CannedResponse("sales", "refund", "Refund text", At), None);
        await store.SaveAsync(new CannedResponse("sales", "hello", "Hi!", At), None);
        await store.SaveAsync(new CannedResponse("billing", "refund", "Billing's own", At), None);
        await store.SaveAsync(new CannedResponse("sales", "refund", "New refund text", At.AddDays(1)), None);

        Assert.Equal([new CannedResponse("sales", "hello", "Hi!", At), new CannedResponse("sales", "refund", "New refund text", At.AddDays(1))],
            await store.ListAsync("sales", None));
        Assert.True(await store.DeleteAsync("sales", "refund", None));
        Assert.False(await store.DeleteAsync("sales", "refund", None));
        Assert.Single(await store.ListAsync("sales", None));
        Assert.Equal("Billing's own", Assert.Single(await store.ListAsync("billing", None)).Text);
    }
}
