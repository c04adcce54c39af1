using Livechat.Core.Conversations;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Conversations;

public sealed class OverviewHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("two")]
    public async Task GetAsync_BadDays_IsAProblemNamingDays(string days)
    {
        var handler = new OverviewHandler(new InMemoryConversationIndex(), Mock.Of<IRoomStore>(), new FakeTimeProvider(Now));

        Assert.Equal(["days"], (await handler.GetAsync(days, CancellationToken.None)).Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task GetAsync_CountsTheWindowOnly_AndWaitingNowAsTheRoomsSay()
    {
        var index = new InMemoryConversationIndex();
        var rooms = new Mock<IRoomStore>();
        void Add(string id, DateTimeOffset start, RoomStatus indexed, RoomStatus actual)
        {
            var room = ConversationEntryTests.Room(indexed, "sales", roomId: id, createdAt: start);
            index.Put(ConversationEntry.Of(room));
            rooms.Setup(r => r.GetAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(room with { Status = actual });
        }
        Add("r-1", Now.AddHours(-1), RoomStatus.Waiting, RoomStatus.Waiting);
        Add("r-2", Now.AddHours(-2), RoomStatus.Waiting, RoomStatus.Agent); // claimed; the index missed it
        Add("r-3", Now.AddDays(-1), RoomStatus.Open, RoomStatus.Open);
        Add("r-old", Now.AddDays(-3), RoomStatus.Waiting, RoomStatus.Waiting); // before the window

        var overview = (await new OverviewHandler(index, rooms.Object, new FakeTimeProvider(Now)).GetAsync("2", CancellationToken.None)).Value!;

        Assert.Equal([("2026-11-30", 1), ("2026-12-01", 2)], overview.ChatsPerDay.Select(d => (d.Date, d.Chats)));
        Assert.Equal(3, overview.Chats);
        Assert.Equal(1, overview.WaitingNow);
    }
}
