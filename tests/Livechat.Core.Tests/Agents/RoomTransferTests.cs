using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Languages;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Agents;

public sealed class RoomTransferTests
{
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IAgentQueue> _queue = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<IUserStore> _users = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));

    public RoomTransferTests()
    {
        _sessions.Setup(s => s.GetAsync("s-1", It.IsAny<CancellationToken>())).ReturnsAsync(new VisitorSession
        {
            SessionId = "s-1",
            VisitorId = "v-1",
            UserParams = new UserParams(Name: "Vera"),
            CreatedAt = DateTimeOffset.UnixEpoch,
        });
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r with { ETag = "2" });
        SetupAppend(_rooms);
    }

    [Fact]
    public async Task TransferAsync_OpenRoom_SetsWaitingQueuesItTellsTheVisitorAndTheDepartment()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Open, department: null));

        var outcome = await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None);

        Assert.Equal(new RoomTransferred(RoomId, "sales", RoomStatus.Waiting), outcome.Value);
        _rooms.Verify(r => r.TryReplaceAsync(It.Is<Room>(x => x.Status == RoomStatus.Waiting && x.Department == "sales" && x.ETag == "1"), It.IsAny<CancellationToken>()));
        _queue.Verify(q => q.EnqueueAsync(It.Is<Room>(x => x.RoomId == RoomId && x.Department == "sales"), "Vera", _time.GetUtcNow(), It.IsAny<CancellationToken>()));
        _rooms.Verify(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.Is<NewMessage>(m => m.Sender == Sender.System && m.Text == SystemLines.English.Connecting
            && m.IdempotencyKey == $"transfer-{RoomId}-sales"), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.Message,
            It.Is<ChatMessage>(m => m.Text == SystemLines.English.Connecting), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToGroupAsync(RealtimeGroups.Department("sales"), RealtimeEvents.RoomWaiting,
            new RoomWaitingEvent(RoomId, "sales", "Vera", null, false), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData("de", "Sie werden mit einem Mitarbeiter verbunden…")]
    [InlineData("ar-EG", "جارٍ توصيلك بأحد الموظفين…")]
    [InlineData("pt-BR", "Connecting you to an agent…")]
    public async Task TransferAsync_RoomWithALanguage_TheConnectingLineIsInItOrInEnglish(string language, string line)
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Open, department: null) with { Language = language });

        await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None);

        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.Message, It.Is<ChatMessage>(m => m.Text == line), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task TransferAsync_VisitorLeftBeforeTheConnectingLine_ReturnsConflictAndLeavesNoQueueEntry()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Open, department: null));
        _rooms.Setup(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AppendOutcome.RoomEnded);

        var outcome = await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        _queue.Verify(q => q.RemoveAsync("sales", RoomId, It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToGroupAsync(It.IsAny<string>(), RealtimeEvents.RoomWaiting, It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task TransferAsync_SomebodyWroteTheRoomFirst_ReadsAgainAndKeepsTheirChange()
    {
        _rooms.SetupSequence(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Room(RoomStatus.Open, etag: "1"))
            .ReturnsAsync(Room(RoomStatus.Open, etag: "2") with { NextSeq = 9 });
        var writes = 0;
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room r, CancellationToken _) => ++writes == 1 ? null : r with { ETag = "3" });

        var outcome = await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        _rooms.Verify(r => r.TryReplaceAsync(It.Is<Room>(x => x.ETag == "2" && x.NextSeq == 9 && x.Status == RoomStatus.Waiting), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task TransferAsync_WaitingInAnotherDepartment_MovesItBetweenQueues()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting, department: "support"));

        var outcome = await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        _queue.Verify(q => q.EnqueueAsync(It.Is<Room>(x => x.Department == "sales"), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()));
        _queue.Verify(q => q.RemoveAsync("support", RoomId, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task TransferAsync_AlreadyWaitingThere_RepeatsNothingButFinishesTheSteps()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting, department: "sales"));

        var outcome = await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<Room>(), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()));
        _queue.Verify(q => q.RemoveAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(RoomStatus.Ended)]
    [InlineData(RoomStatus.Agent)]
    public async Task TransferAsync_EndedOrWithAnAgent_ReturnsConflictAndChangesNothing(RoomStatus status)
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(status, agentId: "ann"));

        var outcome = await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        AssertNothingChanged();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sales team")]
    public async Task TransferAsync_InvalidDepartment_ReturnsProblemNamingDepartment(string? department)
    {
        var outcome = await Transfer().TransferAsync(RoomId, department, CancellationToken.None);

        Assert.True(outcome.Problem?.Errors?.ContainsKey("department"));
        AssertNothingChanged();
    }

    [Fact]
    public async Task TransferAsync_MissingRoom_ReturnsNotFound()
    {
        var outcome = await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, outcome.Problem?.Kind);
        AssertNothingChanged();
    }

    private RoomTransfer Transfer() =>
        new(_rooms.Object, _queue.Object, _sessions.Object, _users.Object, new ChatEventPublisher(_realtime.Object), _time, NullLogger<RoomTransfer>.Instance);

    private void AssertNothingChanged()
    {
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _queue.VerifyNoOtherCalls();
        _realtime.VerifyNoOtherCalls();
    }
}
