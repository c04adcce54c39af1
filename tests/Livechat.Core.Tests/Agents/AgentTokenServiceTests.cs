using Livechat.Core.Admin;
using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Livechat.Core.Tests.Agents;

public sealed class AgentTokenServiceTests
{
    // The same secret for both kinds on purpose: even then neither token passes as the other.
    private const string Key = "unit-test-key-shared-by-sessions-and-admin-0123456789";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public void Validate_IssuedToken_ReturnsTheAgentItsDepartmentsAndExpiry()
    {
        var service = Agents(Key);
        var issued = service.Issue("ann", "Ann Lee", ["sales", "support"]);

        var agent = service.Validate(issued.Token);

        Assert.NotNull(agent);
        Assert.Equal("ann", agent.AgentId);
        Assert.Equal("Ann Lee", agent.Name);
        Assert.Equal(["sales", "support"], agent.Departments);
        Assert.Equal(_time.GetUtcNow() + Lifetime, issued.ExpiresAt);
        Assert.Equal(issued.ExpiresAt, agent.ExpiresAt);
        Assert.Equal("a-ann", agent.RealtimeUserId);
        Assert.StartsWith(AgentTokenService.Prefix, issued.Token);
    }

    [Fact]
    public void Validate_VisitorSessionToken_ReturnsNull()
    {
        var (sessionToken, _) = Sessions(Key).Issue("s-1", "v-1");

        Assert.Null(Agents(Key).Validate(sessionToken));
        Assert.Null(Agents(Key).Validate(AgentTokenService.Prefix + sessionToken));
    }

    [Fact]
    public void SessionTokenService_AgentToken_ReturnsNull()
    {
        var agentToken = Agents(Key).Issue("ann", "Ann", ["sales"]).Token;

        Assert.Null(Sessions(Key).Validate(agentToken));
        Assert.Null(Sessions(Key).Validate(agentToken[AgentTokenService.Prefix.Length..]));
    }

    [Fact]
    public void Validate_IssuedToken_CarriesItsOwnTokenId()
    {
        var service = Agents(Key);
        var first = service.Issue("ann", "Ann", ["sales"]);
        var second = service.Issue("ann", "Ann", ["sales"]);

        Assert.NotEqual(first.TokenId, second.TokenId);
        Assert.Equal(first.TokenId, service.Validate(first.Token)!.TokenId);
        Assert.True(Ids.IsSafe(first.TokenId, 64));
    }

    [Fact]
    public void Validate_TokenSignedWithAnotherAdminKey_ReturnsNull()
    {
        var token = Agents("another-admin-key-of-at-least-32-characters!!").Issue("ann", "Ann", ["sales"]).Token;

        Assert.Null(Agents(Key).Validate(token));
    }

    [Fact]
    public void Validate_DepartmentsChangedInThePayload_ReturnsNull()
    {
        var service = Agents(Key);
        var token = service.Issue("ann", "Ann", ["sales"]).Token;
        var forged = service.Issue("ann", "Ann", ["sales", "billing"]).Token;
        // The payload of one token with the signature of the other.
        var mixed = forged[..forged.LastIndexOf('.')] + token[token.LastIndexOf('.')..];

        Assert.Null(service.Validate(mixed));
    }

    [Fact]
    public void Validate_AtExpiry_ReturnsNull()
    {
        var service = Agents(Key);
        var token = service.Issue("ann", "Ann", ["sales"]).Token;
        _time.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(service.Validate(token));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(service.Validate(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("agent.")]
    [InlineData("agent..")]
    [InlineData("agent.e30.")]
    [InlineData("agent.e30.e30.e30")]
    [InlineData("agent.!!!.???")]
    [InlineData("Bearer agent.e30.e30")]
    public void Validate_Malformed_ReturnsNull(string? token)
    {
        Assert.Null(Agents(Key).Validate(token));
    }

    private AgentTokenService Agents(string key) =>
        new(Options.Create(new AdminOptions { ApiKey = key, AgentTokenLifetime = Lifetime }), _time);

    private SessionTokenService Sessions(string key) =>
        new(Options.Create(new SessionOptions { SigningKey = key, TokenLifetime = Lifetime }), _time);
}
