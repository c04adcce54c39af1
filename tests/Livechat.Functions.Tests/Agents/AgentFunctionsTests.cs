using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Functions.Agents;
using Microsoft.AspNetCore.Http;
using Moq;

namespace Livechat.Functions.Tests.Agents;

public sealed class AgentFunctionsTests
{
    private const string RoomId = "r-1";

    private readonly FunctionsApiHarness _api = new();

    private string AgentToken => _api.AgentTokens.Issue("ann", "Ann", ["sales"]).Token;

    [Fact]
    public async Task ClaimRoom_AgentOfTheDepartment_Returns200AndTellsTheVisitor()
    {
        SetupRoom(RoomStatus.Waiting);
        _api.Rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r);
        // The "Ann joined the chat" line, stored as the store would.
        _api.Rooms.Setup(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room room, NewMessage m, DateTimeOffset at, CancellationToken _) => AppendOutcome.Of(new AppendResult(
                new ChatMessage { Id = "m-2", RoomId = room.RoomId, Seq = room.NextSeq, Sender = m.Sender, Text = m.Text, SentAt = at }, Duplicate: false)));

        var context = _api.NewContext("POST", null, $"Bearer {AgentToken}");
        var response = await FunctionsApiHarness.ExecuteAsync(await new ClaimRoom(_api.AgentsApi).Run(context.Request, RoomId, _api.Durable.Object, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("agent", response.Body!.Value.GetProperty("status").GetString());
        Assert.Equal("ann", response.Body.Value.GetProperty("agentId").GetString());
        _api.Realtime.Verify(p => p.SendToUserAsync("v-v-1", RealtimeEvents.AgentJoined, It.IsAny<object>(), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("visitor")]
    public async Task AgentFunctions_WithoutAnAgentToken_Return401ProblemAndTouchNothing(string? authorization)
    {
        SetupRoom(RoomStatus.Waiting);
        if (authorization == "visitor") authorization = $"Bearer {_api.Token}";

        var calls = new Func<HttpRequest, Task<IResult>>[]
        {
            r => new ListAgentQueue(_api.AgentsApi).Run(r, CancellationToken.None),
            r => new AgentNegotiate(_api.AgentsApi).Run(r, CancellationToken.None),
            r => new ClaimRoom(_api.AgentsApi).Run(r, RoomId, _api.Durable.Object, CancellationToken.None),
            r => new ReadAgentMessages(_api.AgentsApi).Run(r, RoomId, CancellationToken.None),
            r => new PostAgentMessage(_api.AgentsApi).Run(r, RoomId, _api.Durable.Object, CancellationToken.None),
            r => _api.WithDurableClientAsync(() => new CloseAgentRoom(_api.AgentsApi).Run(r, RoomId, _api.Durable.Object, CancellationToken.None)),
        };
        foreach (var call in calls)
        {
            var context = _api.NewContext("POST", """{"clientMessageId":"c-1","text":"hi"}""", authorization);
            context.Request.QueryString = new QueryString("?department=sales");
            var response = await FunctionsApiHarness.ExecuteAsync(await call(context.Request), context);
            FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
        }
        _api.Rooms.Verify(r => r.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _api.VerifyNoStoreWrites();
        _api.AgentQueue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task CloseAgentRoom_ClaimingAgent_EndsTheRoomAndSignalsTheOrchestrationToEnd()
    {
        SetupRoom(RoomStatus.Agent, agentId: "ann");
        _api.Rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r);

        var context = _api.NewContext("POST", null, $"Bearer {AgentToken}");
        var response = await FunctionsApiHarness.ExecuteAsync(
            await _api.WithDurableClientAsync(() => new CloseAgentRoom(_api.AgentsApi).Run(context.Request, RoomId, _api.Durable.Object, CancellationToken.None)), context);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("ended", response.Body!.Value.GetProperty("status").GetString());
        _api.Durable.Verify(d => d.RaiseEventAsync(RoomId, RoomSignal.EventName, RoomSignal.End(EndReasons.ClosedByAgent), It.IsAny<CancellationToken>()));
        _api.Realtime.Verify(p => p.SendToUserAsync("v-v-1", RealtimeEvents.ChatEnded, new RoomEndedEvent(RoomId, EndReasons.ClosedByAgent), It.IsAny<CancellationToken>()));
    }

    private void SetupRoom(RoomStatus status, string? agentId = null) =>
        _api.Rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(new Room
        {
            RoomId = RoomId,
            SessionId = FunctionsApiHarness.SessionId,
            VisitorId = FunctionsApiHarness.VisitorId,
            RealtimeUserId = $"v-{FunctionsApiHarness.VisitorId}",
            RecipeId = "welcome",
            RecipeVersion = 1,
            Department = "sales",
            Status = status,
            AgentId = agentId,
            CreatedAt = DateTimeOffset.UnixEpoch,
            ETag = "1",
        });
}
