using Livechat.Core.Agents;
using Livechat.Core.Attachments;
using Livechat.Core.Common;
using Livechat.Core.Tests.Attachments;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Agents;

public sealed class AgentPostMessageHandlerTests
{
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));
    private readonly InMemoryAttachmentStore _files = new();

    [Fact]
    public async Task HandleAsync_UploadedPdf_SendsTheMessageWithTheFileAndAReadLink()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "ann"));
        SetupAppend(_rooms);
        var declared = new DeclaredAttachment(RoomId, "a-1", "prices.pdf", "application/pdf", 9);
        await _files.CreateUploadAsync(declared, _time.GetUtcNow(), CancellationToken.None);
        _files.Upload(RoomId, "a-1", "application/pdf", "%PDF-1.7\n"u8.ToArray());

        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentMessageRequest("c-1", null, "a-1"), CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Problem?.Detail);
        Assert.Equal(new ChatAttachment("a-1", "prices.pdf", "application/pdf", 9), outcome.Value!.Attachment! with { Url = null });
        Assert.Contains("sp=r", outcome.Value.Attachment!.Url!.Query);
        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.Message, It.Is<ChatMessage>(m => m.Attachment!.Url != null), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_AttachmentOfAnotherRoom_ReturnsProblemNamingAttachmentIdAndWritesNothing()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "ann"));
        await _files.CreateUploadAsync(new DeclaredAttachment("r-other", "a-1", "x.pdf", "application/pdf", 9), _time.GetUtcNow(), CancellationToken.None);
        _files.Upload("r-other", "a-1", "application/pdf", "%PDF-1.7\n"u8.ToArray());

        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentMessageRequest("c-1", null, "a-1"), CancellationToken.None);

        Assert.True(outcome.Problem?.Errors?.ContainsKey("attachmentId"));
        AssertNothingWritten();
    }

    [Fact]
    public async Task HandleAsync_ClaimingAgent_StoresAnAgentMessageThenSendsItToVisitorAndRoom()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "ann"));
        SetupAppend(_rooms);

        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentMessageRequest("c-1", " Hi, I'm Ann "), CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(Sender.Agent, outcome.Value!.Sender);
        Assert.Equal("Hi, I'm Ann", outcome.Value.Text);
        Assert.Equal("ann", outcome.Value.AgentId);
        _rooms.Verify(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.Is<NewMessage>(m => m.IdempotencyKey == "agent-ann-c-1" && m.ClientMessageId == "c-1"),
            It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.Message, outcome.Value, It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToGroupAsync(RealtimeGroups.Room(RoomId), RealtimeEvents.Message, outcome.Value, It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData(RoomStatus.Agent, "ann")]
    [InlineData(RoomStatus.Waiting, null)]
    [InlineData(RoomStatus.Open, null)]
    public async Task HandleAsync_NotTheClaimingAgent_ReturnsForbiddenAndWritesNothing(RoomStatus status, string? claimedBy)
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(status, agentId: claimedBy));

        var outcome = await Handler().HandleAsync(Bob, RoomId, new AgentMessageRequest("c-1", "Hi"), CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, outcome.Problem?.Kind);
        AssertNothingWritten();
    }

    [Fact]
    public async Task HandleAsync_EndedRoom_ReturnsConflict()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Ended, agentId: "ann"));

        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentMessageRequest("c-1", "Hi"), CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, outcome.Problem?.Kind);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData(null, "Hi", "clientMessageId")]
    [InlineData("c 1", "Hi", "clientMessageId")]
    [InlineData("c-1", null, "text")]
    [InlineData("c-1", "  ", "text")]
    public async Task HandleAsync_InvalidRequest_ReturnsProblemNamingTheField(string? clientMessageId, string? text, string field)
    {
        var outcome = await Handler().HandleAsync(Ann, RoomId, new AgentMessageRequest(clientMessageId, text), CancellationToken.None);

        Assert.True(outcome.Problem?.Errors?.ContainsKey(field));
        AssertNothingWritten();
    }

    private AgentPostMessageHandler Handler() => new(_rooms.Object, new RoomSnapshots(_rooms.Object), new ChatEventPublisher(_realtime.Object), Options.Create(new RoomOptions()),
        new AttachmentVerifier(_files, new AttachmentLimits(Options.Create(new AttachmentOptions()))),
        new AttachmentLinks(_files, Options.Create(new AttachmentOptions()), _time), _time);

    private void AssertNothingWritten()
    {
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.VerifyNoOtherCalls();
    }
}
