using Livechat.Api.Http;
using Microsoft.AspNetCore.Http;
using System.Net;

namespace Livechat.Functions.Tests.Http;

public sealed class ClientAddressTests
{
    private static HttpRequest Request(string? remote, params string[] forwardedFor)
    {
        var context = new DefaultHttpContext();
        if (remote is not null) context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor.Length > 0) context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context.Request;
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("198.51.100.1, 203.0.113.9", "203.0.113.9")]
    [InlineData("198.51.100.1,203.0.113.9:4567", "203.0.113.9")]
    [InlineData("[2001:db8:1:2::1]:443", "2001:db8:1:2::/64")]
    [InlineData("10.0.0.1, 2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    public void KeyOf_ForwardedFor_CountsTheRightMostEntry_WhichTheNearestProxyAppended(string header, string counted)
    {
        Assert.Equal(counted, ClientAddress.KeyOf(Request("127.0.0.1", header)).Address);
    }

    [Fact]
    public void KeyOf_SeveralForwardedForHeaders_ReadAsOneList()
    {
        Assert.Equal("203.0.113.9", ClientAddress.KeyOf(Request("127.0.0.1", "198.51.100.1, 198.51.100.2", "203.0.113.9")).Address);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("203.0.113.9, not-an-address")]
    [InlineData("203.0.113.9, <script>")]
    [InlineData(" , ")]
    public void KeyOf_RightMostEntryNoAddress_FallsBackToTheConnection_NeverToAnEntryLeftOfIt(string header)
    {
        Assert.Equal("192.0.2.50", ClientAddress.KeyOf(Request("192.0.2.50", header)).Address);
    }

    [Fact]
    public void KeyOf_TheWorkersMiddlewareAppliedAHopAlready_UsesTheConnection_NotWhatIsLeftInTheHeader()
    {
        var request = Request("192.0.2.50", "198.51.100.66");
        request.Headers["X-Original-For"] = "127.0.0.1:43210";

        Assert.Equal("192.0.2.50", ClientAddress.KeyOf(request).Address);
    }

    [Theory]
    [InlineData("192.0.2.50", "192.0.2.50")]
    [InlineData("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64")]
    [InlineData("::ffff:192.0.2.50", "192.0.2.50")]
    public void KeyOf_NoForwardedFor_CountsTheConnection_IPv6ByItsSlash64(string remote, string counted)
    {
        Assert.Equal(counted, ClientAddress.KeyOf(Request(remote)).Address);
    }

    [Fact]
    public void KeyOf_NoAddressAtAll_IsTheSharedUnknownKey()
    {
        Assert.Equal(Livechat.Core.Limits.ClientKey.Unknown, ClientAddress.KeyOf(Request(null)));
    }
}
