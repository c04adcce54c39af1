using Livechat.Core.Admin;
using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Agents;

/// <summary>Revoking agent tokens: the token stops working and the console stops hearing what no token still covers.</summary>
public sealed class AgentTokenRevocationTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly Dictionary<string, AgentTokenRecord> _stored = [];
    private readonly Mock<IAgentTokenStore> _store = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    private readonly Mock<IAgentInvitationStore> _invitations = new();
    private readonly AgentTokenService _tokens;
    private readonly AgentAuthenticator _authenticator;

    public AgentTokenRevocationTests()
    {
        _tokens = new AgentTokenService(Options.Create(new AdminOptions { ApiKey = "unit-test-admin-key-0123456789abcdef" }), _time);
        _authenticator = new AgentAuthenticator(_tokens, _store.Object, _time);
        _invitations.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _store.Setup(s => s.AddAsync(It.IsAny<AgentTokenRecord>(), It.IsAny<CancellationToken>()))
            .Callback((AgentTokenRecord r, CancellationToken _) => _stored[r.TokenId] = r);
        _store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string agent, string id, CancellationToken _) => _stored.TryGetValue(id, out var r) && r.AgentId == agent ? r : null);
        _store.Setup(s => s.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string agent, CancellationToken _) => _stored.Values.Where(r => r.AgentId == agent).ToList());
        _store.Setup(s => s.RemoveAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string agent, string id, CancellationToken _) => _stored.Remove(id)).Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task AuthenticateAsync_ASignedTokenWithoutItsRecord_IsUnauthorized()
    {
        var token = _tokens.Issue("ann", "Ann", ["sales"]).Token;

        var outcome = await _authenticator.AuthenticateAsync(token, CancellationToken.None);

        Assert.Equal(ProblemKind.Unauthorized, outcome.Problem!.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_VisitorSessionToken_IsUnauthorized_WithoutAStoreRead()
    {
        var outcome = await _authenticator.AuthenticateAsync("s1.not-an-agent-token.sig", CancellationToken.None);

        Assert.Equal(ProblemKind.Unauthorized, outcome.Problem!.Kind);
        _store.Verify(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RevokeAsync_TheTokenStopsWorkingAtOnce_HereEvenWhileItsCheckWasFresh()
    {
        var (token, tokenId) = await IssueAsync(["sales"]);
        Assert.True((await _authenticator.AuthenticateAsync(token, CancellationToken.None)).IsSuccess);

        var revoked = await Revocation().RevokeAsync("ann", tokenId, CancellationToken.None);

        Assert.Equal(1, revoked.Value!.Revoked);
        Assert.Equal(ProblemKind.Unauthorized, (await _authenticator.AuthenticateAsync(token, CancellationToken.None)).Problem!.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_ARecordRemovedElsewhere_IsSeenWithinTheCheckInterval()
    {
        var (token, tokenId) = await IssueAsync(["sales"]);
        Assert.True((await _authenticator.AuthenticateAsync(token, CancellationToken.None)).IsSuccess);
        _stored.Remove(tokenId); // another instance revoked it

        _time.Advance(AgentAuthenticator.CheckEvery - TimeSpan.FromSeconds(1));
        Assert.True((await _authenticator.AuthenticateAsync(token, CancellationToken.None)).IsSuccess);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await _authenticator.AuthenticateAsync(token, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task RevokeAsync_OneOfTwoTokens_LeavesOnlyTheDepartmentsNoOtherTokenCovers()
    {
        var (_, wide) = await IssueAsync(["sales", "support", "billing"]);
        await IssueAsync(["sales"]);

        await Revocation().RevokeAsync("ann", wide, CancellationToken.None);

        _realtime.Verify(p => p.RemoveUserFromGroupAsync("a-ann", RealtimeGroups.Department("support"), It.IsAny<CancellationToken>()), Times.Once);
        _realtime.Verify(p => p.RemoveUserFromGroupAsync("a-ann", RealtimeGroups.Department("billing"), It.IsAny<CancellationToken>()), Times.Once);
        _realtime.Verify(p => p.RemoveUserFromGroupAsync("a-ann", RealtimeGroups.Department("sales"), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.Verify(p => p.CloseUserConnectionsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RevokeAllAsync_SignsTheAgentOutEverywhere()
    {
        var (first, _) = await IssueAsync(["sales"]);
        var (second, _) = await IssueAsync(["support"]);
        await IssueAsync(["sales"], agentId: "bob");

        var revoked = await Revocation().RevokeAllAsync("ann", CancellationToken.None);

        Assert.Equal(2, revoked.Value!.Revoked);
        Assert.False((await _authenticator.AuthenticateAsync(first, CancellationToken.None)).IsSuccess);
        Assert.False((await _authenticator.AuthenticateAsync(second, CancellationToken.None)).IsSuccess);
        Assert.Single(_stored.Values, r => r.AgentId == "bob");
        _realtime.Verify(p => p.RemoveUserFromAllGroupsAsync("a-ann", It.IsAny<CancellationToken>()), Times.Once);
        _realtime.Verify(p => p.CloseUserConnectionsAsync("a-ann", AgentTokenRevocation.ClosedReason, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RevokeAsync_UnknownTokenOrAnotherAgentsToken_Is404AndChangesNothing()
    {
        var (_, bobs) = await IssueAsync(["sales"], agentId: "bob");

        Assert.Equal(ProblemKind.NotFound, (await Revocation().RevokeAsync("ann", bobs, CancellationToken.None)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await Revocation().RevokeAsync("ann", "t-unknown", CancellationToken.None)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await Revocation().RevokeAsync("../x", "t", CancellationToken.None)).Problem!.Kind);
        Assert.Single(_stored);
        _realtime.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ListAsync_ShowsTheTokensInForce_NotTheExpiredOnes()
    {
        var (_, old) = await IssueAsync(["sales"]);
        _time.Advance(TimeSpan.FromHours(11));
        var (_, fresh) = await IssueAsync(["support"]);
        _time.Advance(TimeSpan.FromHours(2));

        var listed = await Revocation().ListAsync("ann", CancellationToken.None);

        Assert.Equal([fresh], listed.Value!.Select(t => t.TokenId));
        Assert.DoesNotContain(old, listed.Value!.Select(t => t.TokenId));
    }

    private async Task<(string Token, string TokenId)> IssueAsync(List<string?> departments, string agentId = "ann")
    {
        var issued = await new IssueAgentTokenHandler(_tokens, _store.Object, _time).HandleAsync(new AgentTokenRequest(agentId, "Ann", departments), CancellationToken.None);
        return (issued.Value!.Token, issued.Value.TokenId);
    }

    [Fact]
    public async Task RevokeAllAsync_CancelsTheAgentsUnusedInvitations_SoItCannotSignInAgainThroughOne()
    {
        var now = _time.GetUtcNow();
        _invitations.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new AgentInvitation("h-ann", "ann", "Ann", ["sales"], now, now.AddDays(1)),
            new AgentInvitation("h-ann-used", "ann", "Ann", ["sales"], now, now.AddDays(1)) { RedeemedAt = now },
            new AgentInvitation("h-bob", "bob", "Bob", ["sales"], now, now.AddDays(1)),
        ]);

        await Revocation().RevokeAllAsync("ann", CancellationToken.None);

        _invitations.Verify(s => s.RemoveAsync("h-ann", It.IsAny<CancellationToken>()), Times.Once);
        _invitations.Verify(s => s.RemoveAsync("h-bob", It.IsAny<CancellationToken>()), Times.Never);
        _invitations.Verify(s => s.RemoveAsync("h-ann-used", It.IsAny<CancellationToken>()), Times.Never);
    }

    private AgentTokenRevocation Revocation() => new(_store.Object, _authenticator, _realtime.Object, _invitations.Object, _time);
}
