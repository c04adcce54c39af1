using Livechat.Core.CustomFields;
using Livechat.Core.Realtime;
using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Rooms;

public sealed class SendBotMessagesActivityTests
{
    private const string RoomId = "r-1";

    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<ICustomFieldStore> _fields = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));

    public SendBotMessagesActivityTests() =>
        _rooms.Setup(r => r.AppendAllAsync(It.IsAny<Room>(), It.IsAny<IReadOnlyList<NewMessage>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room room, IReadOnlyList<NewMessage> messages, DateTimeOffset at, CancellationToken _) => AppendOutcome.Of(messages.Select((m, i) => new AppendResult(
                new ChatMessage { Id = $"m-{i}", RoomId = RoomId, Seq = room.NextSeq + i, Sender = m.Sender, Text = m.Text, SentAt = at },
                Duplicate: false, room with { NextSeq = room.NextSeq + messages.Count, ETag = "after-turn" })).ToList()));

    [Fact]
    public async Task ExecuteAsync_TurnWithTheSignalsRoomAndNothingToSave_AppendsWithItWithoutReadingTheRoom()
    {
        var turn = new BotTurn(RoomId, 2, [new BotMessage("pricing", "Plans start at $10.", [])]) { Room = Room("after-visitor") };

        var result = await Activity().ExecuteAsync(turn, CancellationToken.None);

        Assert.Equal([5L], result.Seqs);
        _rooms.Verify(r => r.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _rooms.Verify(r => r.AppendAllAsync(It.Is<Room>(x => x.ETag == "after-visitor"), It.IsAny<IReadOnlyList<NewMessage>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        _realtime.Verify(p => p.SendToUserAsync("v-v-1", RealtimeEvents.Message, It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ExecuteAsync_TurnThatSaves_ReadsTheRoomFirst_SoAUserWhoAdoptedTheChatMeanwhileGetsTheField()
    {
        // The signal's room predates setUserId; the stored room has the user now.
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room("adopted") with { UserId = "u-1" });
        var turn = new BotTurn(RoomId, 3, [new BotMessage("thanks", "Thanks!", [])])
        {
            Room = Room("after-visitor"),
            Saves = [new FlowSave("plan", "pro", FieldScope.User)],
        };

        await Activity().ExecuteAsync(turn, CancellationToken.None);

        _fields.Verify(f => f.SetAsync(FieldOwner.User("u-1"), It.Is<CustomField>(c => c.Key == "plan" && c.Value == "pro"), It.IsAny<CancellationToken>()), Times.Once);
        _fields.Verify(f => f.SetAsync(FieldOwner.Visitor("v-1"), It.IsAny<CustomField>(), It.IsAny<CancellationToken>()), Times.Never);
        _rooms.Verify(r => r.AppendAllAsync(It.Is<Room>(x => x.ETag == "adopted"), It.IsAny<IReadOnlyList<NewMessage>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private SendBotMessagesActivity Activity()
    {
        var sessions = new Mock<ISessionStore>();
        var users = new Mock<IUserStore>();
        var variables = new FlowVariablesStore(sessions.Object, users.Object, _fields.Object, new UserParamsWriter(sessions.Object, users.Object));
        var delivery = new BotTurnDelivery(_rooms.Object, new RoomSnapshots(_rooms.Object), new ChatEventPublisher(_realtime.Object), new RoomCloser(_rooms.Object, new ChatEventPublisher(_realtime.Object), _time), variables, _time);
        return new SendBotMessagesActivity(_rooms.Object, delivery);
    }

    private static Room Room(string etag) => new()
    {
        RoomId = RoomId,
        SessionId = "s-1",
        VisitorId = "v-1",
        RealtimeUserId = "v-v-1",
        RecipeId = "welcome",
        RecipeVersion = 1,
        NextSeq = 5,
        CreatedAt = DateTimeOffset.UnixEpoch,
        ETag = etag,
    };
}
