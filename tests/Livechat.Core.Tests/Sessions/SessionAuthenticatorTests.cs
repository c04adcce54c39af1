using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Sessions;

public sealed class SessionAuthenticatorTests
{
    private const string Secret = "customer-server-secret-for-identity-verification";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly SessionTokenService _tokens;
    private VisitorSession _stored = new() { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch, ETag = "1" };

    public SessionAuthenticatorTests()
    {
        _tokens = new SessionTokenService(Options.Create(new SessionOptions { SigningKey = "unit-test-signing-key-0123456789abcdef" }), _time);
        _sessions.Setup(s => s.GetAsync("s-1", It.IsAny<CancellationToken>())).ReturnsAsync(() => _stored);
        _sessions.Setup(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VisitorSession s, CancellationToken _) => _stored = s with { ETag = "2" });
    }

    [Fact]
    public async Task ALinkMadeWithoutVerification_IsVoid_OnceASecretIsSet()
    {
        _stored = _stored with { UserId = "alice", UserProofKey = null };

        var session = await AuthenticateAsync(Secret);

        Assert.Null(session.UserId);
        Assert.Equal("v-1", session.VisitorId);
        Assert.Null(_stored.UserId);
    }

    [Fact]
    public async Task ALinkProvedWithTheSecretInForce_Stays()
    {
        _stored = _stored with { UserId = "alice", UserProofKey = Signatures(Secret).KeyId };

        var session = await AuthenticateAsync(Secret);

        Assert.Equal("alice", session.UserId);
        Assert.True(session.UserVerified);
        _sessions.Verify(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ALinkProvedWithARotatedSecret_IsVoid()
    {
        _stored = _stored with { UserId = "alice", UserProofKey = Signatures("the-secret-before-rotation-0123456789").KeyId };

        var session = await AuthenticateAsync(Secret);

        Assert.Null(session.UserId);
    }

    [Fact]
    public async Task WithVerificationOff_AnUnprovedLinkStays()
    {
        _stored = _stored with { UserId = "alice", UserProofKey = null };

        var session = await AuthenticateAsync(secret: null);

        Assert.Equal("alice", session.UserId);
        Assert.False(session.UserVerified);
    }

    private UserIdSignature Signatures(string? secret) =>
        new(Options.Create(new IdentityOptions { UserIdSecret = secret, AllowUnverifiedUserIds = secret is null }), _time);

    private async Task<VisitorSession> AuthenticateAsync(string? secret)
    {
        var (token, _) = _tokens.Issue("s-1", "v-1");
        var outcome = await new SessionAuthenticator(_tokens, _sessions.Object, Signatures(secret), NullLogger<SessionAuthenticator>.Instance)
            .AuthenticateAsync(token, CancellationToken.None);
        return outcome.Value!;
    }
}
