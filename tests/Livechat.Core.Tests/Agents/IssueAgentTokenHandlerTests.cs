using Livechat.Core.Admin;
using Livechat.Core.Agents;
using Livechat.Core.Common;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Tests.Agents;

public sealed class IssueAgentTokenHandlerTests
{
    private readonly AgentTokenService _tokens = new(Options.Create(new AdminOptions { ApiKey = "unit-test-admin-key-0123456789abcdef" }), TimeProvider.System);

    [Fact]
    public void Handle_ValidRequest_IssuesATokenForTheTrimmedNameAndDistinctDepartments()
    {
        var outcome = new IssueAgentTokenHandler(_tokens).Handle(new AgentTokenRequest("ann", "  Ann Lee ", ["sales", "support", "sales"]));

        Assert.True(outcome.IsSuccess);
        var agent = _tokens.Validate(outcome.Value!.Token)!;
        Assert.Equal("Ann Lee", agent.Name);
        Assert.Equal(["sales", "support"], agent.Departments);
    }

    public static TheoryData<AgentTokenRequest, string> Invalid => new()
    {
        { new AgentTokenRequest(null, "Ann", ["sales"]), "agentId" },
        { new AgentTokenRequest("has space", "Ann", ["sales"]), "agentId" },
        { new AgentTokenRequest("ann", null, ["sales"]), "name" },
        { new AgentTokenRequest("ann", "  ", ["sales"]), "name" },
        { new AgentTokenRequest("ann", new string('x', 101), ["sales"]), "name" },
        { new AgentTokenRequest("ann", "Ann\nLee", ["sales"]), "name" },
        { new AgentTokenRequest("ann", "Ann", null), "departments" },
        { new AgentTokenRequest("ann", "Ann", []), "departments" },
        { new AgentTokenRequest("ann", "Ann", ["sales", null]), "departments" },
        { new AgentTokenRequest("ann", "Ann", ["sales team"]), "departments" },
        { new AgentTokenRequest("ann", "Ann", Enumerable.Range(0, 21).Select(i => (string?)$"d{i}").ToList()), "departments" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Handle_InvalidRequest_ReturnsProblemNamingTheField(AgentTokenRequest request, string field)
    {
        var outcome = new IssueAgentTokenHandler(_tokens).Handle(request);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(ProblemKind.Validation, outcome.Problem!.Kind);
        Assert.True(outcome.Problem.Errors!.ContainsKey(field));
    }
}
