using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Rooms.Receipts;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Rooms;

public sealed class ReadReceiptHandlerTests : IDisposable
{
    private const string RoomId = "r-1";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly VisitorSession Session = new() { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch };
    private static readonly AgentIdentity Ann = new("ann", "Ann", ["sales"], DateTimeOffset.MaxValue);
    private static readonly AgentIdentity Bob = new("bob", "Bob", ["sales"], DateTimeOffset.MaxValue);
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IReadReceiptStore> _receipts = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
    private readonly ReadReceiptHandler _handler;

    public ReadReceiptHandlerTests()
    {
        _handler = new ReadReceiptHandler(new RoomSnapshots(_rooms.Object), _rooms.Object, _receipts.Object, new ChatEventPublisher(_realtime.Object), _time);
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(new Room
        {
            RoomId = RoomId, SessionId = "s-1", VisitorId = "v-1", RealtimeUserId = "v-v-1", RecipeId = "welcome", RecipeVersion = 1,
            CreatedAt = DateTimeOffset.UnixEpoch, Status = RoomStatus.Agent, AgentId = "ann", Department = "sales", NextSeq = 6, ETag = "e",
        });
        _receipts.Setup(r => r.AdvanceAsync(RoomId, It.IsAny<Sender>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Sender _, long seq, CancellationToken _) => (seq, true));
    }

    [Fact]
    public async Task Visitor_SeenUpToAMessage_StoresTheWatermark_AndTellsTheRoomsAgent()
    {
        var outcome = await _handler.VisitorAsync(Session, RoomId, new ReadRequest(5), None);

        Assert.Equal(new ReadRecorded(5, false), outcome.Value);
        _receipts.Verify(r => r.AdvanceAsync(RoomId, Sender.Visitor, 5, It.IsAny<CancellationToken>()));
        _realtime.Verify(r => r.SendToGroupAsync(RealtimeGroups.Room(RoomId), RealtimeEvents.Read, new ReadEvent(RoomId, "visitor", 5), It.IsAny<CancellationToken>()));
        _realtime.Verify(r => r.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Visitor_ReportingAgainWithinTheInterval_IsThrottled_AndLookedAtAfterIt()
    {
        await _handler.VisitorAsync(Session, RoomId, new ReadRequest(4), None);
        var soon = await _handler.VisitorAsync(Session, RoomId, new ReadRequest(5), None);
        _time.Advance(ReadReceiptHandler.Interval);
        var later = await _handler.VisitorAsync(Session, RoomId, new ReadRequest(5), None);

        Assert.True(soon.Value!.Throttled);
        Assert.False(later.Value!.Throttled);
        _receipts.Verify(r => r.AdvanceAsync(RoomId, Sender.Visitor, It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Report_ThatMovesNothing_TellsNobody()
    {
        _receipts.Setup(r => r.AdvanceAsync(RoomId, Sender.Agent, 3, It.IsAny<CancellationToken>())).ReturnsAsync((5L, false));

        var outcome = await _handler.AgentAsync(Ann, RoomId, new ReadRequest(3), None);

        Assert.Equal(new ReadRecorded(5, false), outcome.Value);
        _realtime.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Agent_SeenUpToAMessage_TellsTheVisitorOnly()
    {
        await _handler.AgentAsync(Ann, RoomId, new ReadRequest(5), None);

        _realtime.Verify(r => r.SendToUserAsync("v-v-1", RealtimeEvents.Read, new ReadEvent(RoomId, "agent", 5), It.IsAny<CancellationToken>()));
        _realtime.Verify(r => r.SendToGroupAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    public static TheoryData<long?, string> BadSeqs => new() { { null, "seq" }, { 0, "seq" }, { -3, "seq" }, { 6, "seq" } };

    [Theory]
    [MemberData(nameof(BadSeqs))]
    public async Task Report_WithoutASeqOfTheRoom_IsRefusedNamingSeq_AndStoresNothing(long? seq, string field)
    {
        var outcome = await _handler.VisitorAsync(Session, RoomId, new ReadRequest(seq), None);

        Assert.Equal(ProblemKind.Validation, outcome.Problem!.Kind);
        Assert.True(outcome.Problem.Errors!.ContainsKey(field));
        _receipts.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Visitor_OfAnotherVisitorsRoom_Gets404_AndStoresNothing()
    {
        var outcome = await _handler.VisitorAsync(Session with { VisitorId = "v-intruder" }, RoomId, new ReadRequest(2), None);

        Assert.Equal(ProblemKind.NotFound, outcome.Problem!.Kind);
        _receipts.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Agent_WhoDoesNotHoldTheRoom_IsRefused_SoAColleagueLookingInMarksNothingSeen()
    {
        var colleague = await _handler.AgentAsync(Bob, RoomId, new ReadRequest(2), None);
        var otherDepartment = await _handler.AgentAsync(Ann with { Departments = ["billing"] }, RoomId, new ReadRequest(2), None);

        Assert.Equal(ProblemKind.Forbidden, colleague.Problem!.Kind);
        Assert.Equal(ProblemKind.Forbidden, otherDepartment.Problem!.Kind);
        _receipts.VerifyNoOtherCalls();
    }

    public void Dispose() => _handler.Dispose();
}
