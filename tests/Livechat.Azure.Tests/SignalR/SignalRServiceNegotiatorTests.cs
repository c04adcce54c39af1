using Livechat.Azure.SignalR;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Security.Claims;

namespace Livechat.Azure.Tests.SignalR;

public sealed class SignalRServiceNegotiatorTests
{
    private const string AccessKey = "negotiate-test-access-key-0123456789abcdefghijklmnopqrstuv=";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Negotiate_UserId_ReturnsClientUrlAndTokenForThatUser()
    {
        var negotiator = CreateNegotiator("Endpoint=https://demo.service.signalr.net/;AccessKey=" + AccessKey + ";Version=1.0;");

        var result = negotiator.Negotiate("visitor-7");

        Assert.Equal("https://demo.service.signalr.net/client/?hub=livechat", result.Url);
        var token = await SignalRJwt.ValidateAsync(result.AccessToken, AccessKey, result.Url);
        Assert.Equal("visitor-7", token.GetPayloadValue<string>("nameid"));
        Assert.DoesNotContain(ClaimTypes.NameIdentifier, SignalRJwt.PayloadClaimNames(token));
        var expected = _time.GetUtcNow().UtcDateTime.AddMinutes(20);
        Assert.InRange(token.ValidTo, expected.AddSeconds(-1), expected);
    }

    [Fact]
    public async Task Negotiate_PortInConnectionString_UrlAndAudienceCarryPort()
    {
        var negotiator = CreateNegotiator("Endpoint=https://demo.service.signalr.net;Port=8443;AccessKey=" + AccessKey + ";Version=1.0;");

        var result = negotiator.Negotiate("visitor-7");

        Assert.Equal("https://demo.service.signalr.net:8443/client/?hub=livechat", result.Url);
        await SignalRJwt.ValidateAsync(result.AccessToken, AccessKey, result.Url);
    }

    private SignalRServiceNegotiator CreateNegotiator(string connectionString) =>
        new(new SignalRTokenFactory(Options.Create(new SignalRServiceOptions
        {
            ConnectionString = connectionString,
            HubName = "livechat",
            TokenLifetime = TimeSpan.FromMinutes(20),
        }), _time));
}
