using Livechat.Core.Admin;
using Livechat.Core.Agents;
using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Agents;

/// <summary>One-time sign-in links for agents: the code becomes a token once, within its lifetime, and is never stored.</summary>
public sealed class AgentInvitationsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private readonly InMemoryInvitationStore _invitations = new();
    private readonly Dictionary<string, AgentTokenRecord> _tokens = [];
    private readonly AgentInvitations _sut;
    private readonly AgentTokenService _tokenService;

    public AgentInvitationsTests()
    {
        var options = Options.Create(new AdminOptions { ApiKey = "unit-test-admin-key-0123456789abcdef", InvitationLifetime = TimeSpan.FromHours(24) });
        var store = new Mock<IAgentTokenStore>();
        store.Setup(s => s.AddAsync(It.IsAny<AgentTokenRecord>(), It.IsAny<CancellationToken>())).Callback((AgentTokenRecord r, CancellationToken _) => _tokens[r.TokenId] = r);
        store.Setup(s => s.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _tokenService = new AgentTokenService(options, _time);
        _sut = new AgentInvitations(_invitations, new IssueAgentTokenHandler(_tokenService, store.Object, _time), options, _time);
    }

    [Fact]
    public async Task Redeem_AFreshCode_IssuesTheInvitedAgentsToken_AndStoresOnlyTheCodesHash()
    {
        var invited = (await _sut.CreateAsync(new AgentTokenRequest("ann", " Ann ", ["sales", "support", "sales"]), CancellationToken.None)).Value!;

        var redeemed = await _sut.RedeemAsync(new RedeemInvitationRequest(invited.Code), CancellationToken.None);

        Assert.True(redeemed.IsSuccess, redeemed.Problem?.Detail);
        var agent = _tokenService.Validate(redeemed.Value!.Token);
        Assert.Equal(("ann", "Ann"), (agent?.AgentId, agent?.Name));
        Assert.Equal(["sales", "support"], agent!.Departments);
        Assert.Single(_tokens);
        Assert.Equal("/agent/?invite=" + invited.Code, invited.Link);
        Assert.Equal(_time.GetUtcNow().AddHours(24), invited.ExpiresAt);
        var row = Assert.Single(_invitations.Rows.Values);
        Assert.DoesNotContain(invited.Code, row.CodeHash);
        Assert.Equal(64, row.CodeHash.Length);
    }

    [Fact]
    public async Task Redeem_TheSameCodeTwice_SecondIsGoneAndIssuesNothing()
    {
        var invited = (await _sut.CreateAsync(new AgentTokenRequest("ann", "Ann", ["sales"]), CancellationToken.None)).Value!;
        await _sut.RedeemAsync(new RedeemInvitationRequest(invited.Code), CancellationToken.None);

        var again = await _sut.RedeemAsync(new RedeemInvitationRequest(invited.Code), CancellationToken.None);

        Assert.Equal(ProblemKind.Gone, again.Problem?.Kind);
        Assert.Equal("The invitation was already used.", again.Problem!.Title);
        Assert.Single(_tokens);
    }

    [Fact]
    public async Task Redeem_TwoAtOnce_OnlyTheFirstConditionalWriteWins()
    {
        var invited = (await _sut.CreateAsync(new AgentTokenRequest("ann", "Ann", ["sales"]), CancellationToken.None)).Value!;
        _invitations.RedeemedBySomebodyElseFirst = true;

        var outcome = await _sut.RedeemAsync(new RedeemInvitationRequest(invited.Code), CancellationToken.None);

        Assert.Equal(ProblemKind.Gone, outcome.Problem?.Kind);
        Assert.Empty(_tokens);
    }

    [Fact]
    public async Task Redeem_AfterItsLifetime_IsGoneAsExpired()
    {
        var invited = (await _sut.CreateAsync(new AgentTokenRequest("ann", "Ann", ["sales"]), CancellationToken.None)).Value!;
        _time.Advance(TimeSpan.FromHours(24));

        var outcome = await _sut.RedeemAsync(new RedeemInvitationRequest(invited.Code), CancellationToken.None);

        Assert.Equal(ProblemKind.Gone, outcome.Problem?.Kind);
        Assert.Equal("The invitation has expired.", outcome.Problem!.Title);
        Assert.Empty(_tokens);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ProblemKind.NotFound)]
    [InlineData("", ProblemKind.Validation)]
    [InlineData(null, ProblemKind.Validation)]
    [InlineData("a b", ProblemKind.Validation)]
    public async Task Redeem_UnknownOrMalformedCode_IsRefusedNamingCode(string? code, ProblemKind kind)
    {
        var outcome = await _sut.RedeemAsync(new RedeemInvitationRequest(code), CancellationToken.None);

        Assert.Equal(kind, outcome.Problem?.Kind);
        Assert.True(outcome.Problem!.Errors!.ContainsKey("code"));
        Assert.Empty(_tokens);
    }

    [Fact]
    public async Task Create_InvalidAgent_IsRefusedNamingTheFieldAndStoresNothing()
    {
        var outcome = await _sut.CreateAsync(new AgentTokenRequest("ann", "Ann", []), CancellationToken.None);

        Assert.True(outcome.Problem!.Errors!.ContainsKey("departments"));
        Assert.Empty(_invitations.Rows);
    }

    [Fact]
    public async Task Create_RemovesExpiredInvitations_ButKeepsUsedOnesUntilTheyExpire()
    {
        await _sut.CreateAsync(new AgentTokenRequest("old", "Old", ["sales"]), CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(25));
        var used = (await _sut.CreateAsync(new AgentTokenRequest("ann", "Ann", ["sales"]), CancellationToken.None)).Value!;
        await _sut.RedeemAsync(new RedeemInvitationRequest(used.Code), CancellationToken.None);
        await _sut.CreateAsync(new AgentTokenRequest("bob", "Bob", ["sales"]), CancellationToken.None);

        // The used one stays, so opening its link again says "already used" rather than "unknown".
        Assert.Equal(["ann", "bob"], _invitations.Rows.Values.Select(i => i.AgentId).Order());
    }

    /// <summary>Rows with ETags, as Table Storage keeps them.</summary>
    internal sealed class InMemoryInvitationStore : IAgentInvitationStore
    {
        private int _version;
        public Dictionary<string, AgentInvitation> Rows { get; } = [];
        public bool RedeemedBySomebodyElseFirst { get; set; }

        public Task AddAsync(AgentInvitation invitation, CancellationToken cancellationToken)
        {
            Rows.Add(invitation.CodeHash, invitation with { ETag = $"{++_version}" });
            return Task.CompletedTask;
        }

        public Task<AgentInvitation?> GetAsync(string codeHash, CancellationToken cancellationToken) => Task.FromResult(Rows.GetValueOrDefault(codeHash));

        public Task<bool> TryRedeemAsync(AgentInvitation invitation, DateTimeOffset at, CancellationToken cancellationToken)
        {
            if (RedeemedBySomebodyElseFirst) Rows[invitation.CodeHash] = invitation with { RedeemedAt = at, ETag = $"{++_version}" };
            if (!Rows.TryGetValue(invitation.CodeHash, out var stored) || stored.ETag != invitation.ETag) return Task.FromResult(false);
            Rows[invitation.CodeHash] = invitation with { RedeemedAt = at, ETag = $"{++_version}" };
            return Task.FromResult(true);
        }

        public Task<IReadOnlyList<AgentInvitation>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AgentInvitation>>([.. Rows.Values]);

        public Task RemoveAsync(string codeHash, CancellationToken cancellationToken)
        {
            Rows.Remove(codeHash);
            return Task.CompletedTask;
        }
    }
}
