using Livechat.Core.Webhooks;
using Microsoft.Extensions.Options;
using System.Net;

namespace Livechat.Core.Tests.Webhooks;

public sealed class OutboundAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public void IsPublic_LoopbackPrivateLinkLocalAndMetadataAddresses_AreNot(string address) =>
        Assert.False(OutboundAddressPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("20.50.2.1")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    public void IsPublic_InternetAddresses_Are(string address) =>
        Assert.True(OutboundAddressPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://hooks.example.com/x", false, true)]
    [InlineData("http://hooks.example.com/x", false, false)]
    [InlineData("http://localhost:7000/x", true, true)]
    [InlineData("ftp://hooks.example.com/x", true, false)]
    public void AllowsScheme_HttpsOnly_UnlessPrivateNetworksAreAllowed(string url, bool allowPrivate, bool allowed) =>
        Assert.Equal(allowed, Policy(allowPrivate).AllowsScheme(new Uri(url)));

    [Fact]
    public async Task ConnectAsync_ToAHostThatResolvesToLoopback_IsRefusedBeforeAnyConnection()
    {
        await Assert.ThrowsAsync<WebhookAddressRefusedException>(async () =>
            await Policy(allowPrivate: false).ConnectAsync(new DnsEndPoint("localhost", 9), CancellationToken.None));
    }

    private static OutboundAddressPolicy Policy(bool allowPrivate) =>
        new(Options.Create(new WebhookOptions { SigningSecret = new string('s', 32), AllowPrivateNetworks = allowPrivate }));
}
