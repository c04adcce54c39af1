using Livechat.Azure.SignalR;

namespace Livechat.Azure.Tests.SignalR;

public sealed class SignalRConnectionStringTests
{
    [Fact]
    public void Parse_WithoutPort_ReadsEndpointAndAccessKey()
    {
        var parsed = SignalRConnectionString.Parse("Endpoint=https://demo.service.signalr.net;AccessKey=abc/DEF+123==;Version=1.0;");

        Assert.Equal("https://demo.service.signalr.net", parsed.Endpoint);
        Assert.Equal("abc/DEF+123==", parsed.AccessKey);
        Assert.Null(parsed.Port);
    }

    [Fact]
    public void Parse_WithPort_PutsPortInEndpoint()
    {
        var parsed = SignalRConnectionString.Parse("Endpoint=http://localhost;Port=8888;AccessKey=key==;Version=1.0;");

        Assert.Equal("http://localhost:8888", parsed.Endpoint);
        Assert.Equal(8888, parsed.Port);
    }

    [Fact]
    public void Parse_AnyKeyCaseSpacesAndTrailingSlash_Normalizes()
    {
        var parsed = SignalRConnectionString.Parse(" endpoint = https://demo.service.signalr.net/ ; ACCESSKEY=key= ; version=1.0");

        Assert.Equal("https://demo.service.signalr.net", parsed.Endpoint);
        Assert.Equal("key=", parsed.AccessKey);
    }

    [Fact]
    public void Parse_MissingAccessKey_ThrowsNamingAccessKey()
    {
        var exception = Assert.Throws<FormatException>(
            () => SignalRConnectionString.Parse("Endpoint=https://demo.service.signalr.net;Version=1.0;"));

        Assert.Contains("AccessKey", exception.Message);
    }

    [Fact]
    public void Parse_EmptyAccessKey_ThrowsNamingAccessKey()
    {
        var exception = Assert.Throws<FormatException>(
            () => SignalRConnectionString.Parse("Endpoint=https://demo.service.signalr.net;AccessKey=;Version=1.0;"));

        Assert.Contains("AccessKey", exception.Message);
    }

    [Fact]
    public void Parse_MissingEndpoint_ThrowsNamingEndpoint()
    {
        var exception = Assert.Throws<FormatException>(() => SignalRConnectionString.Parse("AccessKey=key;Version=1.0;"));

        Assert.Contains("Endpoint", exception.Message);
    }

    [Fact]
    public void Parse_RelativeEndpoint_ThrowsNamingEndpoint()
    {
        var exception = Assert.Throws<FormatException>(() => SignalRConnectionString.Parse("Endpoint=demo.service.signalr.net;AccessKey=key;"));

        Assert.Contains("Endpoint", exception.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    public void Parse_InvalidPort_ThrowsNamingPortWithoutEchoingKey(string port)
    {
        var exception = Assert.Throws<FormatException>(
            () => SignalRConnectionString.Parse($"Endpoint=https://demo.service.signalr.net;AccessKey=SECRETKEY;Port={port};"));

        Assert.Contains("Port", exception.Message);
        Assert.DoesNotContain("SECRETKEY", exception.Message);
    }

    [Fact]
    public void Parse_ManagedIdentityAuthType_ThrowsNeedingAccessKey()
    {
        var exception = Assert.Throws<FormatException>(
            () => SignalRConnectionString.Parse("Endpoint=https://demo.service.signalr.net;AuthType=azure.msi;Version=1.0;"));

        Assert.Contains("AccessKey", exception.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("garbage")]
    public void TryParse_Malformed_ReturnsFalse(string? connectionString)
    {
        Assert.False(SignalRConnectionString.TryParse(connectionString, out _));
    }

    [Fact]
    public void ToString_Parsed_DoesNotRevealAccessKey()
    {
        var parsed = SignalRConnectionString.Parse("Endpoint=https://demo.service.signalr.net;AccessKey=SECRETKEY;");

        Assert.DoesNotContain("SECRETKEY", parsed.ToString());
    }
}
