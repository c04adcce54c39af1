using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Notes;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Notes;

public sealed class AddNoteHandlerTests
{
    private const string RoomId = "r-1";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly AgentIdentity Ann = new("ann", "Ann", ["sales"], DateTimeOffset.MaxValue);
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<INoteStore> _notes = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
    private readonly AddNoteHandler _handler;

    public AddNoteHandlerTests()
    {
        _handler = new AddNoteHandler(_rooms.Object, _notes.Object, new ChatEventPublisher(_realtime.Object), Options.Create(new RoomOptions()), _time);
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(new Room
        {
            RoomId = RoomId, SessionId = "s-1", VisitorId = "v-1", RealtimeUserId = "v-v-1", RecipeId = "welcome", RecipeVersion = 1,
            CreatedAt = DateTimeOffset.UnixEpoch, Status = RoomStatus.Agent, AgentId = "bob", Department = "sales", NextSeq = 8,
        });
        _notes.Setup(n => n.ListAsync(RoomId, It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _notes.Setup(n => n.AddAsync(It.IsAny<RoomNote>(), It.IsAny<CancellationToken>())).ReturnsAsync((RoomNote n, CancellationToken _) => (n, true));
    }

    [Fact]
    public async Task Note_ByAnAgentOfTheDepartment_IsStoredAfterTheLastMessage_AndOnlyTheRoomsAgentsHearIt()
    {
        var outcome = await _handler.HandleAsync(Ann, RoomId, new NoteRequest("c-1", "  VIP customer  "), None);

        var note = outcome.Value!;
        Assert.Equal((7L, "VIP customer", "ann", "Ann", _time.GetUtcNow()), (note.AfterSeq, note.Text, note.AgentId, note.AgentName, note.SentAt));
        _realtime.Verify(r => r.SendToGroupAsync(RealtimeGroups.Room(RoomId), RealtimeEvents.Note, note, It.IsAny<CancellationToken>()));
        _realtime.Verify(r => r.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
        // Never in the transcript: the visitor's reads and the orchestration's "after seq N" never meet a note.
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _rooms.Verify(r => r.AppendAllAsync(It.IsAny<Room>(), It.IsAny<IReadOnlyList<NewMessage>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    public static TheoryData<string?, string?, string> BadNotes => new()
    {
        { null, "x", "clientNoteId" }, { "a/b", "x", "clientNoteId" }, { "c-1", null, "text" }, { "c-1", "   ", "text" }, { "c-1", new string('x', 2001), "text" },
    };

    [Theory]
    [MemberData(nameof(BadNotes))]
    public async Task Note_BadInput_IsRefusedNamingTheField_AndNothingIsStored(string? clientNoteId, string? text, string field)
    {
        var outcome = await _handler.HandleAsync(Ann, RoomId, new NoteRequest(clientNoteId, text), None);

        Assert.True(outcome.Problem!.Errors!.ContainsKey(field));
        _notes.Verify(n => n.AddAsync(It.IsAny<RoomNote>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Note_ByAnAgentOfAnotherDepartment_IsForbidden_AndNothingIsStored()
    {
        var outcome = await _handler.HandleAsync(Ann with { Departments = ["billing"] }, RoomId, new NoteRequest("c-1", "hi"), None);

        Assert.Equal(ProblemKind.Forbidden, outcome.Problem!.Kind);
        _notes.Verify(n => n.AddAsync(It.IsAny<RoomNote>(), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.VerifyNoOtherCalls();
    }
}
