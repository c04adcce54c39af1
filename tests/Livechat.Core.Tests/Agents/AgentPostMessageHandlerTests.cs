using Livechat.Core.Agents;
using Livechat.Core.Common;
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

    private AgentPostMessageHandler Handler() => new(_rooms.Object, new RoomSnapshots(_rooms.Object), new ChatEventPublisher(_realtime.Object), Options.Create(new RoomOptions()), _time);

    private void AssertNothingWritten()
    {
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.VerifyNoOtherCalls();
    }
}
