using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Notes;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Agents;

public sealed class AgentTransferHandlerTests
{
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IAgentTokenStore> _tokens = new();
    private readonly Mock<IAgentActivityStore> _activity = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly Mock<INoteStore> _notes = new();
    private readonly Mock<IAgentQueue> _queue = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
    private Room _stored = Room(RoomStatus.Agent, agentId: "ann");

    public AgentTransferHandlerTests()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(() => _stored);
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => _stored = r with { ETag = "2" });
        SetupAppend(_rooms);
        _notes.Setup(n => n.ListAsync(RoomId, It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _notes.Setup(n => n.AddAsync(It.IsAny<RoomNote>(), It.IsAny<CancellationToken>())).ReturnsAsync((RoomNote n, CancellationToken _) => (n, true));
        var now = _time.GetUtcNow();
        _tokens.Setup(t => t.ListAsync("bob", It.IsAny<CancellationToken>())).ReturnsAsync([new AgentTokenRecord("bob", "t1", "Bob", ["sales"], now, now.AddHours(8))]);
        _tokens.Setup(t => t.ListAsync("sam", It.IsAny<CancellationToken>())).ReturnsAsync([new AgentTokenRecord("sam", "t2", "Sam", ["support"], now, now.AddHours(8))]);
    }

    private AgentTransferHandler Handler()
    {
        var events = new ChatEventPublisher(_realtime.Object);
        var options = Options.Create(new RoomOptions());
        var transfer = new RoomTransfer(_rooms.Object, _queue.Object, new Mock<ISessionStore>().Object, new Mock<IUserStore>().Object, events, _time, NullLogger<RoomTransfer>.Instance);
        return new AgentTransferHandler(_rooms.Object, _tokens.Object, _activity.Object, _realtime.Object, new AddNoteHandler(_rooms.Object, _notes.Object, events, options, _time),
            transfer, events, options, _time, NullLogger<AgentTransferHandler>.Instance);
    }

    [Fact]
    public async Task ToAgent_WithNote_TheNoteGoesToTheNotes_TheRoomToBob_AndTheVisitorNeverHearsTheNote()
    {
        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentTransferRequest(null, "bob", "Wants a refund, be gentle"), CancellationToken.None);

        Assert.Equal(("bob", RoomStatus.Agent), (outcome.Value!.AgentId, outcome.Value.Status));
        Assert.Equal("bob", _stored.AgentId);
        _notes.Verify(n => n.AddAsync(It.Is<RoomNote>(x => x.Text == "Wants a refund, be gentle" && x.AgentId == "ann"), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.AddUserToGroupAsync(RealtimeUsers.ForAgent("bob"), RealtimeGroups.Room(RoomId), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToUserAsync(RealtimeUsers.ForAgent("bob"), RealtimeEvents.RoomHandedOver, It.IsAny<RoomHandedOverEvent>(), It.IsAny<CancellationToken>()));
        // The visitor hears who joined, never the note.
        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, It.IsAny<string>(), It.Is<object>(o => o is RoomNote), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.Message, It.Is<ChatMessage>(m => m.Text == "Bob joined the chat"), It.IsAny<CancellationToken>()));
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.Is<NewMessage>(m => m.Text.Contains("refund")), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ToDepartment_QueuesTheRoomThere_AndTheAgentLetsGo()
    {
        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentTransferRequest("support", null, null), CancellationToken.None);

        Assert.Equal(("support", RoomStatus.Waiting, (string?)null), (outcome.Value!.Department, outcome.Value.Status, outcome.Value.AgentId));
        Assert.Equal((RoomStatus.Waiting, "support", (string?)null), (_stored.Status, _stored.Department, _stored.AgentId));
        _queue.Verify(q => q.EnqueueAsync(It.Is<Room>(x => x.Department == "support"), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.RemoveUserFromGroupAsync(RealtimeUsers.ForAgent("ann"), RealtimeGroups.Room(RoomId), It.IsAny<CancellationToken>()));
        _activity.Verify(a => a.RemoveHeldRoomAsync("ann", RoomId, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task RoomAnotherAgentHolds_Is403_AndNothingMoves()
    {
        _stored = Room(RoomStatus.Agent, agentId: "bob");
        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentTransferRequest("support", null, "note"), CancellationToken.None);
        Assert.Equal(ProblemKind.Forbidden, outcome.Problem!.Kind);
        AssertNothingWritten();
    }

    [Fact]
    public async Task RoomOfAnotherDepartment_Is403()
    {
        _stored = Room(RoomStatus.Agent, department: "support", agentId: "ann");
        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentTransferRequest(null, "sam", null), CancellationToken.None);
        Assert.Equal(ProblemKind.Forbidden, outcome.Problem!.Kind);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData(null, "sam", "agentId")]      // Sam does not serve sales, the room's department.
    [InlineData("sales", "sam", "agentId")]
    [InlineData(null, "nobody", "agentId")]
    [InlineData(null, "ann", "agentId")]
    [InlineData(null, null, "department")]
    [InlineData("bad dept", null, "department")]
    public async Task BadTarget_Is400NamingTheField_AndNothingIsWritten(string? department, string? agentId, string field)
    {
        _tokens.Setup(t => t.ListAsync("nobody", It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentTransferRequest(department, agentId, "a note"), CancellationToken.None);
        Assert.Equal(field, outcome.Problem!.Errors!.Keys.Single());
        AssertNothingWritten();
    }

    [Fact]
    public async Task ToAgentOfTheTargetDepartment_Works()
    {
        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentTransferRequest("support", "sam", null), CancellationToken.None);
        Assert.Equal(("support", "sam"), (_stored.Department, _stored.AgentId));
        Assert.Null(outcome.Value!.NoteId);
    }

    private void AssertNothingWritten()
    {
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
        _notes.Verify(n => n.AddAsync(It.IsAny<RoomNote>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
