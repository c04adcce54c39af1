using Livechat.Core.CustomFields;
using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Functions.Rooms;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Moq;

namespace Livechat.Functions.Tests.Rooms;

public sealed class OpenRoomTests
{
    private readonly FunctionsApiHarness _api = new();

    public OpenRoomTests()
    {
        _api.Sessions.Setup(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VisitorSession s, CancellationToken _) => _api.Session = s with { ETag = "2" });
        _api.Recipes.Setup(r => r.GetLatestAsync(WelcomeRecipe.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(WelcomeRecipe.Create() with { Version = 2 });
        _api.Rooms.Setup(r => r.CreateAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room room, CancellationToken _) => (room with { ETag = "1" }, true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    public async Task Run_NoOpenRoom_CreatesRoomAndGreets_WithoutSchedulingAnOrchestration(string? body)
    {
        _api.Fields.Setup(f => f.ListAsync(It.IsAny<FieldOwner>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _api.Rooms.Setup(r => r.AppendAllAsync(It.IsAny<Room>(), It.IsAny<IReadOnlyList<NewMessage>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room room, IReadOnlyList<NewMessage> messages, DateTimeOffset at, CancellationToken _) => AppendOutcome.Of(messages.Select((m, i) => new AppendResult(
                new ChatMessage { Id = $"m-{i}", RoomId = room.RoomId, Seq = room.NextSeq + i, Sender = m.Sender, Text = m.Text, SentAt = at }, false, room)).ToList()));

        var response = await RunAsync(body, $"Bearer {_api.Token}");

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        var roomId = response.Body!.Value.GetProperty("roomId").GetString();
        Assert.False(string.IsNullOrEmpty(roomId));
        Assert.Equal("open", response.Body.Value.GetProperty("status").GetString());
        Assert.True(response.Body.Value.GetProperty("created").GetBoolean());
        Assert.Equal(roomId, _api.Session.OpenRoomId);
        _api.Rooms.Verify(r => r.CreateAsync(
            It.Is<Room>(room => room.RoomId == roomId && room.VisitorId == FunctionsApiHarness.VisitorId && room.RecipeVersion == 2 && room.DeferredFlow != null),
            It.IsAny<CancellationToken>()), Times.Once);
        // The greeting is stored by the call itself; the bot's orchestration waits for the visitor's first message.
        _api.Rooms.Verify(r => r.AppendAllAsync(It.Is<Room>(room => room.RoomId == roomId), It.Is<IReadOnlyList<NewMessage>>(m => m.All(x => x.Sender == Sender.Bot)),
            It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        _api.Durable.Verify(d => d.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(RoomOrchestrator)), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Run_SessionHasOpenRoom_ReturnsItWithoutCreatingOrScheduling()
    {
        _api.Session = _api.Session with { OpenRoomId = "r-open" };
        _api.Rooms.Setup(r => r.GetAsync("r-open", It.IsAny<CancellationToken>())).ReturnsAsync(new Room
        {
            RoomId = "r-open",
            SessionId = FunctionsApiHarness.SessionId,
            VisitorId = FunctionsApiHarness.VisitorId,
            RealtimeUserId = "v-v-1",
            RecipeId = WelcomeRecipe.Id,
            RecipeVersion = 1,
            CreatedAt = DateTimeOffset.UnixEpoch,
        });

        var response = await RunAsync(null, $"Bearer {_api.Token}");

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("r-open", response.Body!.Value.GetProperty("roomId").GetString());
        Assert.False(response.Body.Value.GetProperty("created").GetBoolean());
        _api.VerifyNoStoreWrites();
    }

    [Theory]
    [InlineData("""{"recipeId":"sales"}""", "recipeId")]
    [InlineData("""{""", "body")]
    [InlineData("""[]""", "body")]
    public async Task Run_BodyWithFieldsOrMalformed_Returns400ProblemNamingTheFieldAndCreatesNothing(string body, string field)
    {
        var response = await RunAsync(body, $"Bearer {_api.Token}");

        FunctionsApiHarness.AssertValidationProblem(response, field);
        _api.VerifyNoStoreWrites();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer expired.token")]
    public async Task Run_MissingOrInvalidToken_Returns401ProblemAndCreatesNothing(string? authorization)
    {
        var response = await RunAsync(null, authorization);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
        _api.VerifyNoStoreWrites();
    }

    [Fact]
    public async Task Run_EndedSession_Returns401ProblemAndCreatesNothing()
    {
        _api.Session = _api.Session with { Ended = true };

        var response = await RunAsync(null, $"Bearer {_api.Token}");

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
        _api.VerifyNoStoreWrites();
    }

    private async Task<HttpResponseSnapshot> RunAsync(string? body, string? authorization)
    {
        var context = _api.NewContext("POST", body, authorization);
        var result = await _api.WithDurableClientAsync(() => new OpenRoom(_api.RoomsApi).Run(context.Request, _api.Durable.Object, CancellationToken.None));
        return await FunctionsApiHarness.ExecuteAsync(result, context);
    }
}
