using Livechat.Core.Admin;
using Livechat.Core.Agents;
using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using Moq;

namespace Livechat.Core.Tests.Agents;

public sealed class IssueAgentTokenHandlerTests
{
    private readonly AgentTokenService _tokens = new(Options.Create(new AdminOptions { ApiKey = "unit-test-admin-key-0123456789abcdef" }), TimeProvider.System);
    private readonly Mock<IAgentTokenStore> _store = new();

    public IssueAgentTokenHandlerTests() =>
        _store.Setup(s => s.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

    [Fact]
    public async Task HandleAsync_ValidRequest_IssuesATokenForTheTrimmedNameAndDistinctDepartments_AndStoresItsRecord()
    {
        var outcome = await Handler().HandleAsync(new AgentTokenRequest("ann", "  Ann Lee ", ["sales", "support", "sales"]), CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        var agent = _tokens.Validate(outcome.Value!.Token)!;
        Assert.Equal("Ann Lee", agent.Name);
        Assert.Equal(["sales", "support"], agent.Departments);
        _store.Verify(s => s.AddAsync(It.Is<AgentTokenRecord>(r => r.AgentId == "ann" && r.TokenId == outcome.Value.TokenId && r.Name == "Ann Lee"
            && r.Departments.SequenceEqual(new[] { "sales", "support" }) && r.ExpiresAt == outcome.Value.ExpiresAt), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_AgentWithExpiredTokens_RemovesTheirRecords_KeepsTheOnesInForce()
    {
        var now = DateTimeOffset.UtcNow;
        _store.Setup(s => s.ListAsync("ann", It.IsAny<CancellationToken>())).ReturnsAsync([
            new AgentTokenRecord("ann", "t-old", "Ann", ["sales"], now.AddDays(-2), now.AddDays(-1)),
            new AgentTokenRecord("ann", "t-live", "Ann", ["sales"], now.AddHours(-1), now.AddHours(1)),
        ]);

        await Handler().HandleAsync(new AgentTokenRequest("ann", "Ann", ["sales"]), CancellationToken.None);

        _store.Verify(s => s.RemoveAsync("ann", "t-old", It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.RemoveAsync("ann", "t-live", It.IsAny<CancellationToken>()), Times.Never);
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
    public async Task HandleAsync_InvalidRequest_ReturnsProblemNamingTheField_AndStoresNothing(AgentTokenRequest request, string field)
    {
        var outcome = await Handler().HandleAsync(request, CancellationToken.None);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(ProblemKind.Validation, outcome.Problem!.Kind);
        Assert.True(outcome.Problem.Errors!.ContainsKey(field));
        _store.VerifyNoOtherCalls();
    }

    private IssueAgentTokenHandler Handler() => new(_tokens, _store.Object, TimeProvider.System);
}
