using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Text;

namespace Livechat.Core.Tests.Sessions;

public sealed class SessionTokenServiceTests
{
    private const string Key = "unit-test-signing-key-0123456789abcdef";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public void Validate_IssuedToken_ReturnsItsSessionVisitorAndExpiry()
    {
        var service = Create(Key);
        var (token, expires) = service.Issue("s-1", "v-1");

        var validated = service.Validate(token);

        Assert.NotNull(validated);
        Assert.Equal("s-1", validated.SessionId);
        Assert.Equal("v-1", validated.VisitorId);
        Assert.Equal(_time.GetUtcNow() + Lifetime, expires);
        Assert.Equal(expires, validated.ExpiresAt);
    }

    [Fact]
    public void Validate_JustBeforeExpiry_ReturnsToken()
    {
        var service = Create(Key);
        var (token, _) = service.Issue("s-1", "v-1");
        _time.Advance(Lifetime - TimeSpan.FromSeconds(1));

        Assert.NotNull(service.Validate(token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3600)]
    public void Validate_ExpiredToken_ReturnsNull(int secondsPastLifetime)
    {
        var service = Create(Key);
        var (token, _) = service.Issue("s-1", "v-1");
        _time.Advance(Lifetime + TimeSpan.FromSeconds(secondsPastLifetime));

        Assert.Null(service.Validate(token));
    }

    [Fact]
    public void Validate_PayloadNamingAnotherVisitor_ReturnsNull()
    {
        var service = Create(Key);
        var (token, _) = service.Issue("s-1", "v-1");
        var signature = token.Split('.')[1];
        var (otherToken, _) = service.Issue("s-1", "v-attacker");
        var forged = $"{otherToken.Split('.')[0]}.{signature}";

        Assert.Null(service.Validate(forged));
    }

    [Fact]
    public void Validate_PayloadWithLaterExpiry_ReturnsNull()
    {
        var service = Create(Key);
        var (token, expires) = service.Issue("s-1", "v-1");
        var payload = $"s-1.v-1.{expires.AddYears(10).ToUnixTimeSeconds()}";
        var forged = $"{Base64Url(Encoding.UTF8.GetBytes(payload))}.{token.Split('.')[1]}";

        Assert.Null(service.Validate(forged));
    }

    [Fact]
    public void Validate_TamperedSignature_ReturnsNull()
    {
        var service = Create(Key);
        var (token, _) = service.Issue("s-1", "v-1");
        var last = token[^2];
        var tampered = token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1];

        Assert.Null(service.Validate(tampered));
    }

    [Fact]
    public void Validate_TokenSignedWithAnotherKey_ReturnsNull()
    {
        var (token, _) = Create("another-signing-key-0123456789abcdefgh").Issue("s-1", "v-1");

        Assert.Null(Create(Key).Validate(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData(".")]
    [InlineData("abc.")]
    [InlineData(".abc")]
    [InlineData("a.b.c")]
    [InlineData("%%%%.$$$$")]
    [InlineData("a.b")]
    [InlineData("Bearer abc.def")]
    public void Validate_Garbage_ReturnsNull(string? token)
    {
        Assert.Null(Create(Key).Validate(token));
    }

    private SessionTokenService Create(string key) =>
        new(Options.Create(new SessionOptions { SigningKey = key, TokenLifetime = Lifetime }), _time);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
