using Livechat.Core.Common;
using Livechat.Core.Users;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Livechat.Core.Tests.Users;

public sealed class UserIdSignatureTests
{
    private const string Secret = "customer-server-secret-for-identity-verification";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private UserIdSignature Signatures(string? secret = Secret, bool allowUnverified = false) =>
        new(Options.Create(new IdentityOptions { UserIdSecret = secret, AllowUnverifiedUserIds = allowUnverified }), _time);

    [Fact]
    public void Signature_OfTheUserId_IsValid_ForThatIdOnly()
    {
        var signature = Convert.ToHexStringLower(UserIdSignature.Compute(Secret, "alice"));

        Assert.True(Signatures().IsValid("alice", signature));
        Assert.True(Signatures().IsValid("alice", signature.ToUpperInvariant()));
        Assert.False(Signatures().IsValid("bob", signature));
        Assert.False(Signatures(secret: "another-secret-after-rotation-0123456789").IsValid("alice", signature));
    }

    [Fact]
    public void UserToken_SignedForTheId_IsValid_UntilItExpires()
    {
        var token = Token(new { sub = "alice", exp = _time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds() });

        Assert.True(Signatures().IsValid("alice", token));
        Assert.False(Signatures().IsValid("bob", token));
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.False(Signatures().IsValid("alice", token));
    }

    [Fact]
    public void UserToken_AfterTheSecretRotates_IsRefused() =>
        Assert.False(Signatures(secret: "another-secret-after-rotation-0123456789")
            .IsValid("alice", Token(new { sub = "alice", exp = _time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds() })));

    [Theory]
    [InlineData("none")]
    [InlineData("HS512")]
    public void UserToken_WithAnotherAlgorithm_IsRefused(string alg) =>
        Assert.False(Signatures().IsValid("alice", Token(new { sub = "alice", exp = _time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds() }, alg)));

    [Fact]
    public void UserToken_ValidForMoreThanAnHour_OrWithoutExpiry_IsRefused()
    {
        Assert.False(Signatures().IsValid("alice", Token(new { sub = "alice", exp = _time.GetUtcNow().AddDays(30).ToUnixTimeSeconds() })));
        Assert.False(Signatures().IsValid("alice", Token(new { sub = "alice" })));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-hex")]
    [InlineData("a.b.c")]
    [InlineData("..")]
    public void Garbage_IsRefused(string? proof) => Assert.False(Signatures().IsValid("alice", proof));

    [Fact]
    public void WithoutASecret_OnlyAnExplicitOptOutTrustsTheId()
    {
        Assert.False(Signatures(secret: null).IsValid("alice", null));
        Assert.True(Signatures(secret: null, allowUnverified: true).IsValid("alice", null));
    }

    /// <summary>What a customer's server makes with any JWT library: HS256 over header.payload with the secret.</summary>
    private static string Token(object claims, string alg = "HS256")
    {
        var header = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg, typ = "JWT" }));
        var payload = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = Base64Url.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }
}
