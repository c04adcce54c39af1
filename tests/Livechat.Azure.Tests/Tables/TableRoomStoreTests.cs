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
            _rooms.AppendAsync(room.RoomId, new NewMessage(Sender.Visitor, $"m{i}", $"c-{i}"), DateTimeOffset.UtcNow, CancellationToken.None)));

        var messages = await _rooms.ReadMessagesAsync(room.RoomId, 0, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), messages.Select(m => m.Seq));
        Assert.Equal(20, messages.Select(m => m.Text).Distinct().Count());
        Assert.Equal(21, (await _rooms.GetAsync(room.RoomId, CancellationToken.None))!.NextSeq);
    }

    [Fact]
    public async Task AppendAsync_SameIdempotencyKeyTwice_StoresOnceAndReturnsTheFirst()
    {
        var room = await NewRoomAsync();
        var first = await _rooms.AppendAsync(room.RoomId, new NewMessage(Sender.Visitor, "hello", "c-abc"), DateTimeOffset.UtcNow, CancellationToken.None);
        var again = await _rooms.AppendAsync(room.RoomId, new NewMessage(Sender.Visitor, "hello", "c-abc"), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.False(first!.Duplicate);
        Assert.True(again!.Duplicate);
        Assert.Equal(first.Message.Id, again.Message.Id);
        Assert.Single(await _rooms.ReadMessagesAsync(room.RoomId, 0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task ReadMessagesAsync_AfterSeq_ReturnsOnlyLaterMessagesInOrder()
    {
        var room = await NewRoomAsync();
        for (var i = 1; i <= 5; i++)
            await _rooms.AppendAsync(room.RoomId, new NewMessage(Sender.Bot, $"b{i}", $"bot-{i}", [new ChatButton("x", "X")], "menu"), DateTimeOffset.UtcNow, CancellationToken.None);

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
    public async Task AppendAsync_UnknownRoom_ReturnsNullAndWritesNothing()
    {
        var result = await _rooms.AppendAsync("rmissing", new NewMessage(Sender.Visitor, "x", "c-1"), DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Null(result);
        Assert.Empty(await _rooms.ReadMessagesAsync("rmissing", 0, 10, CancellationToken.None));
    }
}
