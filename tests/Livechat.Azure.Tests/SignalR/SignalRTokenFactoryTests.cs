using Livechat.Azure.SignalR;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Security.Claims;

namespace Livechat.Azure.Tests.SignalR;

public sealed class SignalRTokenFactoryTests
{
    private const string AccessKey = "token-test-access-key-0123456789abcdefghijklmnopqrstuvwxyz==";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task CreateServerToken_RequestUriWithQuery_AudienceIsUrlWithoutQueryAndExpiresInFiveMinutes()
    {
        var factory = CreateFactory();
        var uri = new Uri("https://demo.service.signalr.net/api/hubs/chat/users/u%2F1/:send?api-version=2022-06-01");

        var token = await SignalRJwt.ValidateAsync(factory.CreateServerToken(uri), AccessKey,
            "https://demo.service.signalr.net/api/hubs/chat/users/u%2F1/:send");

        AssertExpiry(token.ValidTo, TimeSpan.FromMinutes(5));
        Assert.DoesNotContain(SignalRTokenFactory.UserIdClaim, SignalRJwt.PayloadClaimNames(token));
    }

    [Fact]
    public async Task CreateClientToken_UserId_CarriesNameidClaimAndClientAudience()
    {
        var factory = CreateFactory(TimeSpan.FromMinutes(45));

        var token = await SignalRJwt.ValidateAsync(factory.CreateClientToken("visitor-42"), AccessKey,
            "https://demo.service.signalr.net/client/?hub=chat");

        Assert.Equal("visitor-42", token.GetPayloadValue<string>("nameid"));
        var names = SignalRJwt.PayloadClaimNames(token);
        Assert.Contains("nameid", names);
        Assert.DoesNotContain(ClaimTypes.NameIdentifier, names);
        AssertExpiry(token.ValidTo, TimeSpan.FromMinutes(45));
    }

    [Fact]
    public async Task CreateClientToken_OtherAccessKey_FailsSignatureValidation()
    {
        var token = CreateFactory().CreateClientToken("visitor-42");

        var result = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(token,
            new Microsoft.IdentityModel.Tokens.TokenValidationParameters
            {
                ValidateIssuer = false,
                ValidAudience = "https://demo.service.signalr.net/client/?hub=chat",
                IssuerSigningKey = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(
                    System.Text.Encoding.UTF8.GetBytes("another-access-key-0123456789abcdefghijklmnop")),
            });

        Assert.False(result.IsValid);
    }

    [Fact]
    public void CreateClientToken_EmptyUserId_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => CreateFactory().CreateClientToken(""));
    }

    private void AssertExpiry(DateTime validTo, TimeSpan lifetime)
    {
        // JWT times have whole seconds.
        var expected = _time.GetUtcNow().UtcDateTime + lifetime;
        Assert.InRange(validTo, expected.AddSeconds(-1), expected);
    }

    private SignalRTokenFactory CreateFactory(TimeSpan? clientLifetime = null) =>
        new(Options.Create(new SignalRServiceOptions
        {
            ConnectionString = $"Endpoint=https://demo.service.signalr.net;AccessKey={AccessKey};Version=1.0;",
            HubName = "chat",
            TokenLifetime = clientLifetime ?? TimeSpan.FromHours(1),
        }), _time);
}
