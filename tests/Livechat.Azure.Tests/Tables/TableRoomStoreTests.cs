using Livechat.Azure.Tests.Support;
using Livechat.Core.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

public sealed class TableRoomStoreTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;
    private IRoomStore _rooms = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _rooms = _services.GetRequiredService<IRoomStore>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<Room> NewRoomAsync() => (await _rooms.CreateAsync(new Room
    {
        RoomId = Azurite.UniqueName("r"),
        SessionId = "s1",
        VisitorId = "v1",
        RealtimeUserId = "v-v1",
        RecipeId = "welcome",
        RecipeVersion = 1,
        CreatedAt = DateTimeOffset.UtcNow,
    }, CancellationToken.None)).Room;

    [Fact]
    public async Task AppendAsync_ConcurrentAppends_GetGapFreeOrderedSequence()
    {
        var room = await NewRoomAsync();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _rooms.AppendAsync(room, new NewMessage(Sender.Visitor, $"m{i}", $"c-{i}"), DateTimeOffset.UtcNow, CancellationToken.None)));

        var messages = await _rooms.ReadMessagesAsync(room.RoomId, 0, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), messages.Select(m => m.Seq));
        Assert.Equal(20, messages.Select(m => m.Text).Distinct().Count());
        Assert.Equal(21, (await _rooms.GetAsync(room.RoomId, CancellationToken.None))!.NextSeq);
    }

    [Fact]
    public async Task AppendAsync_SameIdempotencyKeyTwice_StoresOnceAndReturnsTheFirst()
    {
        var room = await NewRoomAsync();
        var first = (await _rooms.AppendAsync(room, new NewMessage(Sender.Visitor, "hello", "c-abc"), DateTimeOffset.UtcNow, CancellationToken.None)).Result;
        var again = (await _rooms.AppendAsync(room, new NewMessage(Sender.Visitor, "hello", "c-abc"), DateTimeOffset.UtcNow, CancellationToken.None)).Result;

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Message.Id, again.Message.Id);
        Assert.Single(await _rooms.ReadMessagesAsync(room.RoomId, 0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task ReadMessagesAsync_AfterSeq_ReturnsOnlyLaterMessagesInOrder()
    {
        var room = await NewRoomAsync();
        for (var i = 1; i <= 5; i++)
            await _rooms.AppendAsync(room, new NewMessage(Sender.Bot, $"b{i}", $"bot-{i}", [new ChatButton("x", "X")], "menu"), DateTimeOffset.UtcNow, CancellationToken.None);

        var later = await _rooms.ReadMessagesAsync(room.RoomId, 3, 100, CancellationToken.None);

        Assert.Equal(["b4", "b5"], later.Select(m => m.Text));
        Assert.Equal("X", later[0].Buttons.Single().Label);
        Assert.Equal(Sender.Bot, later[0].Sender);
    }

    [Fact]
    public async Task TryReplaceAsync_StaleETag_ReturnsNullAndKeepsTheOtherWrite()
    {
        var room = await NewRoomAsync();
        var ended = await _rooms.TryReplaceAsync(room with { Status = RoomStatus.Ended }, CancellationToken.None);
        var stale = await _rooms.TryReplaceAsync(room with { Department = "sales" }, CancellationToken.None);

        Assert.NotNull(ended);
        Assert.Null(stale);
        Assert.Equal(RoomStatus.Ended, (await _rooms.GetAsync(room.RoomId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AppendAsync_UnknownRoom_SaysNoSuchRoomAndWritesNothing()
    {
        var other = await NewRoomAsync();
        var missing = other with { RoomId = Azurite.UniqueName("r") };

        var result = await _rooms.AppendAsync(missing, new NewMessage(Sender.Visitor, "x", "c-1"), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(AppendStatus.NoSuchRoom, result.Status);
        Assert.Empty(result.Messages);
        Assert.Empty(await _rooms.ReadMessagesAsync(missing.RoomId, 0, 10, CancellationToken.None));
        Assert.Null(await _rooms.GetAsync(missing.RoomId, CancellationToken.None));
    }

    [Fact]
    public async Task AppendAllAsync_ABotTurn_StoresItsMessagesInOrderWithConsecutiveSeqs()
    {
        var room = await NewRoomAsync();
        await _rooms.AppendAsync(room, new NewMessage(Sender.Visitor, "hi", "c-1"), DateTimeOffset.UtcNow, CancellationToken.None);

        // The caller's read is stale now (the visitor's message moved the ETag): the append reads again and still lands.
        var turn = await _rooms.AppendAllAsync(room,
            [new NewMessage(Sender.Bot, "Hello!", "bot-2-0", BlockId: "greet"), new NewMessage(Sender.Bot, "Pick one", "bot-2-1", [new ChatButton("a", "A")], "menu")],
            DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(AppendStatus.Appended, turn.Status);
        Assert.Equal([2L, 3L], turn.Messages.Select(r => r.Message.Seq));
        Assert.All(turn.Messages, r => Assert.False(r.Duplicate));
        var transcript = await _rooms.ReadMessagesAsync(room.RoomId, 0, 10, CancellationToken.None);
        Assert.Equal(["hi", "Hello!", "Pick one"], transcript.Select(m => m.Text));
        Assert.Equal(4, (await _rooms.GetAsync(room.RoomId, CancellationToken.None))!.NextSeq);
    }

    [Fact]
    public async Task AppendAllAsync_RetriedTurn_StoresNothingAndReturnsTheFirstMessages()
    {
        var room = await NewRoomAsync();
        NewMessage[] turn = [new(Sender.Bot, "One", "bot-1-0"), new(Sender.Bot, "Two", "bot-1-1")];
        var first = await _rooms.AppendAllAsync(room, turn, DateTimeOffset.UtcNow, CancellationToken.None);
        var fresh = (await _rooms.GetAsync(room.RoomId, CancellationToken.None))!;

        var retried = await _rooms.AppendAllAsync(fresh, turn, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.All(retried.Messages, r => Assert.True(r.Duplicate));
        Assert.Equal(first.Messages.Select(r => r.Message.Id), retried.Messages.Select(r => r.Message.Id));
        Assert.Equal(2, (await _rooms.ReadMessagesAsync(room.RoomId, 0, 10, CancellationToken.None)).Count);
        Assert.Equal(3, (await _rooms.GetAsync(room.RoomId, CancellationToken.None))!.NextSeq);
    }

    [Fact]
    public async Task AppendAsync_ReturnsTheRoomAsTheAppendLeftIt_WhichTheNextAppendCanUse()
    {
        var room = await NewRoomAsync();
        var first = (await _rooms.AppendAsync(room, new NewMessage(Sender.Visitor, "hi", "c-1"), DateTimeOffset.UtcNow, CancellationToken.None)).Result;
        var stored = (await _rooms.GetAsync(room.RoomId, CancellationToken.None))!;

        Assert.Equal(2, first.Room!.NextSeq);
        Assert.Equal(stored.ETag, first.Room.ETag);

        var reply = (await _rooms.AppendAllAsync(first.Room, [new NewMessage(Sender.Bot, "Hello!", "bot-1-0")], DateTimeOffset.UtcNow, CancellationToken.None)).Messages;
        Assert.Equal(2, reply[0].Message.Seq);
        Assert.Equal((await _rooms.GetAsync(room.RoomId, CancellationToken.None))!.ETag, reply[0].Room!.ETag);
    }

    [Fact]
    public async Task AppendAllAsync_RoomEndedSinceTheCallersRead_SaysRoomEndedAndWritesNothing()
    {
        var room = await NewRoomAsync();
        var stored = (await _rooms.GetAsync(room.RoomId, CancellationToken.None))!;
        Assert.NotNull(await _rooms.TryReplaceAsync(stored with { Status = RoomStatus.Ended, EndReason = "closed" }, CancellationToken.None));

        // The caller's room still says Open: the ETag catches it, and the room read again has ended.
        var result = await _rooms.AppendAllAsync(room, [new NewMessage(Sender.Bot, "Too late", "bot-2-0")], DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(AppendStatus.RoomEnded, result.Status);
        Assert.Empty(await _rooms.ReadMessagesAsync(room.RoomId, 0, 10, CancellationToken.None));
        Assert.Equal(1, (await _rooms.GetAsync(room.RoomId, CancellationToken.None))!.NextSeq);
    }

    [Fact]
    public async Task AppendAsync_RetryOfAMessageTheRoomTookBeforeItEnded_ReturnsTheFirstMessage()
    {
        var room = await NewRoomAsync();
        var first = (await _rooms.AppendAsync(room, new NewMessage(Sender.Visitor, "bye", "c-1"), DateTimeOffset.UtcNow, CancellationToken.None)).Result;
        var stored = (await _rooms.GetAsync(room.RoomId, CancellationToken.None))!;
        await _rooms.TryReplaceAsync(stored with { Status = RoomStatus.Ended, EndReason = "closed" }, CancellationToken.None);

        var retried = (await _rooms.AppendAsync(room, new NewMessage(Sender.Visitor, "bye", "c-1"), DateTimeOffset.UtcNow, CancellationToken.None)).Result;
        var late = await _rooms.AppendAsync(room, new NewMessage(Sender.Visitor, "hello?", "c-2"), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.True(retried.Duplicate);
        Assert.Equal(first.Message.Id, retried.Message.Id);
        Assert.Equal(AppendStatus.RoomEnded, late.Status);
        Assert.Single(await _rooms.ReadMessagesAsync(room.RoomId, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_RoomWithALanguage_ReadsItBack_AndOneWithoutHasNone()
    {
        var room = await NewRoomAsync();
        var german = (await _rooms.CreateAsync(room with { RoomId = Azurite.UniqueName("r"), Language = "de-CH", ETag = null }, CancellationToken.None)).Room;

        Assert.Equal("de-CH", (await _rooms.GetAsync(german.RoomId, CancellationToken.None))!.Language);
        Assert.Null((await _rooms.GetAsync(room.RoomId, CancellationToken.None))!.Language);
    }
}
