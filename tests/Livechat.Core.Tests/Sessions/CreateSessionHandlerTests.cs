using Livechat.Core.Common;
using Livechat.Core.Limits;
using Livechat.Core.Sessions;
using Livechat.Core.Tests.Limits;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Sessions;

public sealed class CreateSessionHandlerTests
{
    private static readonly ClientKey Office = new("203.0.113.7");

    private readonly Mock<ISessionStore> _sessions = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 4, 10, 20, 0, TimeSpan.Zero));
    private readonly CreateSessionHandler _handler;

    public CreateSessionHandlerTests()
    {
        var signing = Options.Create(new SessionOptions { SigningKey = "core-tests-signing-key-0123456789abcdef" });
        _sessions.Setup(s => s.CreateAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VisitorSession s, CancellationToken _) => s with { ETag = "1" });
        var limiter = new ClientRateLimiter(new SharedCounters(new InMemoryRateCounterStore(), TimeProvider.System),
            Options.Create(new LimitOptions { SessionsPerAddressPerHour = 2 }), signing, _time);
        _handler = new CreateSessionHandler(_sessions.Object, new SessionTokenService(signing, _time), limiter, _time);
    }

    [Fact]
    public async Task HandleAsync_AddressOverItsLimit_Returns429WithRetryAfter_AndStoresNoSession()
    {
        Assert.True((await _handler.HandleAsync(Office, CancellationToken.None)).IsSuccess);
        Assert.True((await _handler.HandleAsync(Office, CancellationToken.None)).IsSuccess);

        var third = await _handler.HandleAsync(Office, CancellationToken.None);

        Assert.Equal(ProblemKind.TooManyRequests, third.Problem?.Kind);
        Assert.Equal(TimeSpan.FromMinutes(40), third.Problem!.RetryAfter);
        _sessions.Verify(s => s.CreateAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
