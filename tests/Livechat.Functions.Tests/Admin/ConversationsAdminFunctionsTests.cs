using Livechat.Core.Conversations;
using Livechat.Core.CustomFields;
using Livechat.Core.Rooms;
using Livechat.Functions.Admin;
using Microsoft.AspNetCore.Http;
using Moq;

namespace Livechat.Functions.Tests.Admin;

/// <summary>The conversations and overview routes as the host runs them: the admin key first, the query checked, JSON a dashboard reads.</summary>
public sealed class ConversationsAdminFunctionsTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FunctionsApiHarness _api = new();

    public ConversationsAdminFunctionsTests()
    {
        var room = new Room
        {
            RoomId = "r-1", SessionId = FunctionsApiHarness.SessionId, VisitorId = FunctionsApiHarness.VisitorId, RealtimeUserId = "v-v-1",
            RecipeId = "welcome", RecipeVersion = 1, Status = RoomStatus.Waiting, Department = "sales", CreatedAt = Started, NextSeq = 2, ETag = "1",
        };
        var entry = ConversationEntry.Of(room);
        _api.Conversations.Setup(c => c.ScanAsync(It.IsAny<ConversationFilter>(), It.IsAny<ConversationPosition?>(), It.IsAny<CancellationToken>()))
            .Returns(new[] { entry }.ToAsyncEnumerable());
        _api.Rooms.Setup(r => r.GetAsync("r-1", It.IsAny<CancellationToken>())).ReturnsAsync(room);
        _api.Rooms.Setup(r => r.ReadMessagesAsync("r-1", It.IsAny<long>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, long afterSeq, int _, CancellationToken _) => afterSeq > 0 ? [] :
                [new ChatMessage { Id = "m-1", RoomId = "r-1", Seq = 1, Sender = Sender.Visitor, Text = "Do you ship to Norway?", SentAt = Started }]);
        _api.Fields.Setup(f => f.ListAsync(It.IsAny<FieldOwner>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _api.Fields.Setup(f => f.ListAsync(FieldOwner.Room("r-1"), It.IsAny<CancellationToken>())).ReturnsAsync([new CustomField("plan", "gold", Started)]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("functions-tests-admin-key-0123456789abcdeX")]
    public async Task ListConversations_WithoutTheAdminKey_Returns401_AndReadsNothing(string? key)
    {
        var response = await ListAsync("", key);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
        _api.Conversations.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("?status=bot", "status")]
    [InlineData("?from=last-week", "from")]
    [InlineData("?pageSize=1000", "pageSize")]
    [InlineData("?continuationToken=forged", "continuationToken")]
    public async Task ListConversations_BadFilter_Returns400NamingIt(string query, string field)
    {
        FunctionsApiHarness.AssertValidationProblem(await ListAsync(query, FunctionsApiHarness.AdminApiKey), field);
    }

    [Fact]
    public async Task ListConversations_AnswersRowsAsTheDashboardReadsThem()
    {
        var response = await ListAsync("?status=waiting&q=norway", FunctionsApiHarness.AdminApiKey);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        var row = Assert.Single(response.Body!.Value.GetProperty("conversations").EnumerateArray());
        Assert.Equal("r-1", row.GetProperty("roomId").GetString());
        Assert.Equal("waiting", row.GetProperty("status").GetString());
        Assert.Equal("sales", row.GetProperty("department").GetString());
        Assert.Equal(1, row.GetProperty("messageCount").GetInt64());
        Assert.Equal("Do you ship to Norway?", row.GetProperty("lastMessage").GetProperty("text").GetString());
        Assert.False(response.Body.Value.TryGetProperty("continuationToken", out _));
    }

    [Fact]
    public async Task GetConversation_AnswersTheTranscriptAndTheRoomsFields_AndUnknownIs404()
    {
        var context = WithKey(_api.NewContext("GET", null), FunctionsApiHarness.AdminApiKey);
        var found = await FunctionsApiHarness.ExecuteAsync(await new GetConversation(_api.ConversationsAdminApi).Run(context.Request, "r-1", CancellationToken.None), context);
        var other = WithKey(_api.NewContext("GET", null), FunctionsApiHarness.AdminApiKey);
        var missing = await FunctionsApiHarness.ExecuteAsync(await new GetConversation(_api.ConversationsAdminApi).Run(other.Request, "r-2", CancellationToken.None), other);

        Assert.Equal(StatusCodes.Status200OK, found.StatusCode);
        Assert.Equal("Do you ship to Norway?", found.Body!.Value.GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.Equal("gold", found.Body.Value.GetProperty("roomFields")[0].GetProperty("value").GetString());
        Assert.False(found.Body.Value.GetProperty("userVerified").GetBoolean());
        FunctionsApiHarness.AssertProblem(missing, StatusCodes.Status404NotFound);
    }

    [Fact]
    public async Task GetOverview_AnswersTheFigures_AndBadDaysIs400()
    {
        var context = WithKey(_api.NewContext("GET", null), FunctionsApiHarness.AdminApiKey);
        context.Request.QueryString = new QueryString("?days=500");
        var bad = await FunctionsApiHarness.ExecuteAsync(await new GetOverview(_api.ConversationsAdminApi).Run(context.Request, CancellationToken.None), context);
        var good = WithKey(_api.NewContext("GET", null), FunctionsApiHarness.AdminApiKey);
        var overview = await FunctionsApiHarness.ExecuteAsync(await new GetOverview(_api.ConversationsAdminApi).Run(good.Request, CancellationToken.None), good);

        FunctionsApiHarness.AssertValidationProblem(bad, "days");
        Assert.Equal(StatusCodes.Status200OK, overview.StatusCode);
        Assert.Equal(14, overview.Body!.Value.GetProperty("chatsPerDay").GetArrayLength());
        Assert.True(overview.Body.Value.TryGetProperty("waitingNow", out _));
    }

    private async Task<HttpResponseSnapshot> ListAsync(string query, string? adminKey)
    {
        var context = WithKey(_api.NewContext("GET", null), adminKey);
        context.Request.QueryString = new QueryString(query);
        return await FunctionsApiHarness.ExecuteAsync(await new ListConversations(_api.ConversationsAdminApi).Run(context.Request, CancellationToken.None), context);
    }

    private static HttpContext WithKey(HttpContext context, string? adminKey)
    {
        if (adminKey is not null) context.Request.Headers["x-admin-key"] = adminKey;
        return context;
    }
}
