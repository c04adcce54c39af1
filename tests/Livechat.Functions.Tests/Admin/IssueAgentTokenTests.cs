using Livechat.Functions.Admin;
using Microsoft.AspNetCore.Http;

namespace Livechat.Functions.Tests.Admin;

public sealed class IssueAgentTokenTests
{
    private const string Body = """{"agentId":"ann","name":"Ann Lee","departments":["sales","support"]}""";

    private readonly FunctionsApiHarness _api = new();

    [Fact]
    public async Task Run_WithTheAdminKey_Returns200WithAnAgentTokenForThoseDepartments()
    {
        var response = await RunAsync(Body, FunctionsApiHarness.AdminApiKey);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        var agent = _api.AgentTokens.Validate(response.Body!.Value.GetProperty("token").GetString());
        Assert.NotNull(agent);
        Assert.Equal(["sales", "support"], agent.Departments);
        Assert.Equal(agent.ExpiresAt, response.Body.Value.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("functions-tests-admin-key-0123456789abcdeX")]
    public async Task Run_WithoutTheAdminKey_Returns401Problem(string? key)
    {
        var response = await RunAsync(Body, key);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
    }

    [Fact]
    public async Task Run_VisitorSessionTokenInsteadOfTheKey_Returns401Problem()
    {
        var context = _api.NewContext("POST", Body, $"Bearer {_api.Token}");

        var response = await FunctionsApiHarness.ExecuteAsync(await new IssueAgentToken(_api.AdminApi).Run(context.Request, CancellationToken.None), context);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
    }

    [Theory]
    [InlineData("""{"agentId":"ann","name":"Ann","departments":[]}""", "departments")]
    [InlineData("""{"agentId":"ann","name":"Ann","departments":["sales"],"admin":true}""", "admin")]
    [InlineData("""{"name":"Ann","departments":["sales"]}""", "agentId")]
    [InlineData("", "body")]
    public async Task Run_InvalidBody_Returns400ProblemNamingTheField(string body, string field)
    {
        var response = await RunAsync(body, FunctionsApiHarness.AdminApiKey);

        FunctionsApiHarness.AssertValidationProblem(response, field);
    }

    private async Task<HttpResponseSnapshot> RunAsync(string body, string? adminKey)
    {
        var context = _api.NewContext("POST", body);
        if (adminKey is not null) context.Request.Headers["x-admin-key"] = adminKey;
        var result = await new IssueAgentToken(_api.AdminApi).Run(context.Request, CancellationToken.None);
        return await FunctionsApiHarness.ExecuteAsync(result, context);
    }
}
