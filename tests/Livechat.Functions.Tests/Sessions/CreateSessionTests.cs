using Livechat.Core.Limits;
using Livechat.Core.Sessions;
using Livechat.Functions.Sessions;
using Microsoft.AspNetCore.Http;
using Moq;

namespace Livechat.Functions.Tests.Sessions;

public sealed class CreateSessionTests
{
    private readonly FunctionsApiHarness _api = new();
    private readonly List<VisitorSession> _created = [];

    public CreateSessionTests() =>
        _api.Sessions.Setup(s => s.CreateAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VisitorSession s, CancellationToken _) =>
            {
                _created.Add(s);
                return s with { ETag = "1" };
            });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    public async Task Run_EmptyBody_Returns201WithATokenForTheStoredSession(string? body)
    {
        var before = DateTimeOffset.UtcNow;

        var response = await RunAsync(body);

        Assert.Equal(StatusCodes.Status201Created, response.StatusCode);
        Assert.Equal("/api/v1/session", response.Location);
        var stored = Assert.Single(_created);
        var json = response.Body!.Value;
        Assert.Equal(stored.SessionId, json.GetProperty("sessionId").GetString());
        Assert.Equal(stored.VisitorId, json.GetProperty("visitorId").GetString());
        var token = _api.Tokens.Validate(json.GetProperty("token").GetString());
        Assert.NotNull(token);
        Assert.Equal(stored.SessionId, token.SessionId);
        Assert.Equal(stored.VisitorId, token.VisitorId);
        Assert.True(json.GetProperty("expiresAt").GetDateTimeOffset() > before.AddDays(1));
    }

    [Fact]
    public async Task Run_TwoCalls_CreateDifferentSessionsAndVisitors()
    {
        var first = await RunAsync(null);
        var second = await RunAsync(null);

        Assert.NotEqual(first.Body!.Value.GetProperty("sessionId").GetString(), second.Body!.Value.GetProperty("sessionId").GetString());
        Assert.NotEqual(first.Body.Value.GetProperty("visitorId").GetString(), second.Body.Value.GetProperty("visitorId").GetString());
    }

    [Theory]
    [InlineData("""{"userId":"u-1"}""", "userId")]
    [InlineData("""{""", "body")]
    [InlineData("""[]""", "body")]
    [InlineData("""42""", "body")]
    public async Task Run_BodyWithFieldsOrMalformed_Returns400ProblemNamingTheFieldAndCreatesNothing(string body, string field)
    {
        var response = await RunAsync(body);

        FunctionsApiHarness.AssertValidationProblem(response, field);
        _api.VerifyNoStoreWrites();
    }

    [Fact]
    public async Task Run_EveryLimitSpent_Returns429ProblemWithRetryAfter_AndCreatesNothing()
    {
        _api.RateCounters.Setup(s => s.GetAsync(It.IsAny<RateCounterKey>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((RateCounterKey key, CancellationToken _) => new RateCounter(key, int.MaxValue, "1"));
        _api.RateCounters.Setup(s => s.TrySaveAsync(It.IsAny<RateCounter>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var response = await RunAsync(null);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status429TooManyRequests);
        Assert.True(int.Parse(response.RetryAfter) is > 0 and <= 3600, $"Retry-After: '{response.RetryAfter}'");
        Assert.Empty(_created);
        _api.VerifyNoStoreWrites();
    }

    private async Task<HttpResponseSnapshot> RunAsync(string? body)
    {
        var context = _api.NewContext("POST", body);
        var result = await new CreateSession(_api.SessionsApi).Run(context.Request, CancellationToken.None);
        return await FunctionsApiHarness.ExecuteAsync(result, context);
    }
}
