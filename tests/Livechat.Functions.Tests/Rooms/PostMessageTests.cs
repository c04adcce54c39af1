using Livechat.Core.Rooms;
using Livechat.Functions.Rooms;
using Microsoft.AspNetCore.Http;
using Moq;

namespace Livechat.Functions.Tests.Rooms;

public sealed class PostMessageTests
{
    private const string RoomId = "r-1";

    private readonly FunctionsApiHarness _api = new();

    [Fact]
    public async Task Run_ValidMessage_Returns202WithStoredMessageAndRaisesRoomSignal()
    {
        SetupRoom(RoomStatus.Open);
        _api.Rooms.Setup(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room room, NewMessage m, DateTimeOffset at, CancellationToken _) => AppendOutcome.Of(new AppendResult(new ChatMessage
            {
                Id = "m-5",
                RoomId = room.RoomId,
                Seq = 5,
                Sender = m.Sender,
                Text = m.Text,
                ClientMessageId = m.ClientMessageId,
                ButtonId = m.ButtonId,
                SentAt = at,
            }, Duplicate: false)));

        var response = await RunAsync("""{"clientMessageId":"c-1","text":"Pricing","buttonId":"pricing"}""", $"Bearer {_api.Token}");

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal($"/api/v1/rooms/{RoomId}/messages", response.Location);
        var message = response.Body!.Value.GetProperty("message");
        Assert.Equal("m-5", message.GetProperty("id").GetString());
        Assert.Equal(RoomId, message.GetProperty("roomId").GetString());
        Assert.Equal(5, message.GetProperty("seq").GetInt64());
        Assert.Equal("visitor", message.GetProperty("sender").GetString());
        Assert.Equal("Pricing", message.GetProperty("text").GetString());
        Assert.Equal("c-1", message.GetProperty("clientMessageId").GetString());
        Assert.Equal("pricing", message.GetProperty("buttonId").GetString());
        _api.Durable.Verify(d => d.RaiseEventAsync(RoomId, RoomSignal.EventName,
            RoomSignal.Visitor(new VisitorInput(5, "Pricing", "pricing")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("""{"clientMessageId":"c-1","text":}""", "text")]
    [InlineData("{\"clientMessageId\":\"c-1\",\"text\":\"hi\"", "body")]
    [InlineData("""{"clientMessageId":5,"text":"hi"}""", "clientMessageId")]
    [InlineData("""{"clientMessageId":"c-1","text":["hi"]}""", "text")]
    [InlineData("""{"clientMessageId":"c-1","text":"hi","buttonId":{}}""", "buttonId")]
    [InlineData("""{"clientMessageId":"c-1","text":"hi","colour":"red"}""", "colour")]
    [InlineData("""["c-1","hi"]""", "body")]
    [InlineData("not json", "body")]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    public async Task Run_BodyNotAMessage_Returns400ProblemNamingTheFieldAndWritesNothing(string body, string field)
    {
        SetupRoom(RoomStatus.Open);

        var response = await RunAsync(body, $"Bearer {_api.Token}");

        FunctionsApiHarness.AssertValidationProblem(response, field);
        _api.VerifyNoStoreWrites();
    }

    [Theory]
    [InlineData("""{"clientMessageId":"c-1","text":"   "}""", "text")]
    [InlineData("""{"text":"hi"}""", "clientMessageId")]
    [InlineData("""{"clientMessageId":"c 1","text":"hi"}""", "clientMessageId")]
    [InlineData("""{"clientMessageId":"c-1","text":"hi","buttonId":"no spaces"}""", "buttonId")]
    public async Task Run_InvalidMessage_Returns400ProblemNamingTheFieldAndWritesNothing(string body, string field)
    {
        SetupRoom(RoomStatus.Open);

        var response = await RunAsync(body, $"Bearer {_api.Token}");

        FunctionsApiHarness.AssertValidationProblem(response, field);
        _api.VerifyNoStoreWrites();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Run_MissingOrInvalidToken_Returns401ProblemAndWritesNothing(string? authorization)
    {
        SetupRoom(RoomStatus.Open);

        var response = await RunAsync("""{"clientMessageId":"c-1","text":"hi"}""", authorization);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
        _api.VerifyNoStoreWrites();
        _api.Rooms.Verify(r => r.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Run_AnotherVisitorsRoom_Returns404AndWritesNothing()
    {
        SetupRoom(RoomStatus.Open, visitorId: "v-someone-else");

        var response = await RunAsync("""{"clientMessageId":"c-1","text":"hi"}""", $"Bearer {_api.Token}");

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status404NotFound);
        _api.VerifyNoStoreWrites();
    }

    [Fact]
    public async Task Run_EndedRoom_Returns409AndWritesNothing()
    {
        SetupRoom(RoomStatus.Ended);

        var response = await RunAsync("""{"clientMessageId":"c-1","text":"hi"}""", $"Bearer {_api.Token}");

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status409Conflict);
        _api.VerifyNoStoreWrites();
    }

    private async Task<HttpResponseSnapshot> RunAsync(string body, string? authorization)
    {
        var context = _api.NewContext("POST", body, authorization);
        var result = await _api.WithDurableClientAsync(() => new PostMessage(_api.RoomsApi).Run(context.Request, RoomId, _api.Durable.Object, CancellationToken.None));
        return await FunctionsApiHarness.ExecuteAsync(result, context);
    }

    private void SetupRoom(RoomStatus status, string visitorId = FunctionsApiHarness.VisitorId) =>
        _api.Rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(new Room
        {
            RoomId = RoomId,
            SessionId = FunctionsApiHarness.SessionId,
            VisitorId = visitorId,
            RealtimeUserId = $"v-{visitorId}",
            RecipeId = "welcome",
            RecipeVersion = 1,
            Status = status,
            CreatedAt = DateTimeOffset.UnixEpoch,
        });
}
