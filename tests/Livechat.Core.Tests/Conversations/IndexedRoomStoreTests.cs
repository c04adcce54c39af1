using Livechat.Core.Conversations;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Conversations;

public sealed class IndexedRoomStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly Mock<IRoomStore> _inner = new();
    private readonly InMemoryConversationIndex _index = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly IndexedRoomStore _store;

    public IndexedRoomStoreTests()
    {
        _inner.Setup(r => r.CreateAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => (r, true));
        _inner.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r);
        _inner.Setup(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room r, NewMessage m, DateTimeOffset at, CancellationToken _) => AppendOutcome.Of(new AppendResult(new ChatMessage
            {
                Id = "m-1", RoomId = r.RoomId, Seq = r.NextSeq, Sender = m.Sender, Text = m.Text, AgentId = m.AgentId, SentAt = at,
            }, Duplicate: false, r with { NextSeq = r.NextSeq + 1 })));
        _store = new IndexedRoomStore(_inner.Object, _index, _time, NullLogger<IndexedRoomStore>.Instance);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task ARoomsLife_IsFollowedByTheIndex_FromStartToTransferClaimReplyAndEnd()
    {
        var room = ConversationEntryTests.Room();
        await _store.CreateAsync(room, None);
        Assert.Equal(RoomStatus.Open, Assert.Single(_index.Rows).Status);

        _time.Advance(TimeSpan.FromMinutes(1));
        await _store.TryReplaceAsync(room with { Status = RoomStatus.Waiting, Department = "sales" }, None);
        _time.Advance(TimeSpan.FromMinutes(2));
        var claimed = room with { Status = RoomStatus.Agent, Department = "sales", AgentId = "ann" };
        await _store.TryReplaceAsync(claimed, None);
        await _store.AppendAsync(claimed, new NewMessage(Sender.Agent, "Hi, I'm Ann", "a1", AgentId: "ann"), Start.AddMinutes(4), None);
        await _store.AppendAsync(claimed, new NewMessage(Sender.Agent, "How can I help?", "a2", AgentId: "ann"), Start.AddMinutes(5), None);
        await _store.TryReplaceAsync(claimed with { Status = RoomStatus.Ended, EndedAt = Start.AddMinutes(9), EndReason = EndReasons.ClosedByAgent }, None);

        var entry = Assert.Single(_index.Rows);
        Assert.Equal((RoomStatus.Ended, "sales", "ann"), (entry.Status, entry.Department, entry.AgentId));
        Assert.Equal(Start.AddMinutes(1), entry.TransferredAt);
        Assert.Equal(Start.AddMinutes(3), entry.ClaimedAt);
        Assert.Equal(Start.AddMinutes(4), entry.FirstAgentReplyAt);
    }

    [Fact]
    public async Task VisitorAndBotMessages_CostTheIndexNothing_AndAnAgentsLaterMessagesNoRead()
    {
        var room = ConversationEntryTests.Room();
        await _store.CreateAsync(room, None);
        var (reads, saves) = (_index.Reads, _index.Saves);

        for (var i = 0; i < 5; i++)
        {
            await _store.AppendAsync(room, new NewMessage(Sender.Visitor, "Hello", $"c{i}"), Start, None);
            await _store.AppendAsync(room, new NewMessage(Sender.Bot, "Hi", $"b{i}"), Start, None);
        }
        Assert.Equal((reads, saves), (_index.Reads, _index.Saves));

        var claimed = room with { Status = RoomStatus.Agent, Department = "sales", AgentId = "ann" };
        await _store.AppendAsync(claimed, new NewMessage(Sender.Agent, "Hi", "a1", AgentId: "ann"), Start, None);
        var afterFirstReply = (_index.Reads, _index.Saves);
        await _store.AppendAsync(claimed, new NewMessage(Sender.Agent, "Still there?", "a2", AgentId: "ann"), Start, None);

        Assert.Equal(afterFirstReply, (_index.Reads, _index.Saves));
    }

    [Fact]
    public async Task AFailingIndex_LeavesTheRoomWriteAsItWas()
    {
        _index.FailWith = new InvalidOperationException("storage is down");
        var room = ConversationEntryTests.Room();

        var (created, isNew) = await _store.CreateAsync(room, None);
        var saved = await _store.TryReplaceAsync(room with { Status = RoomStatus.Ended }, None);

        Assert.True(isNew);
        Assert.Equal(room, created);
        Assert.NotNull(saved);
    }

    [Fact]
    public async Task ALostRoomWrite_WritesNoIndexRow()
    {
        _inner.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room?)null);

        Assert.Null(await _store.TryReplaceAsync(ConversationEntryTests.Room(RoomStatus.Waiting, "sales"), None));
        Assert.Empty(_index.Rows);
    }
}
