using System.Net;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// The Functions host as it starts locally, with nothing in front of it: it replaces any <c>X-Forwarded-For</c> a
/// client sends with the address of the connection it accepted, so a client cannot pick the address it is counted
/// as (docs/decisions/0006-client-limits.md).
/// </summary>
public sealed class ClientLimitOnTheBareHostTests : IAsyncLifetime
{
    private FunctionsHost _server = null!;

    public async Task InitializeAsync() =>
        _server = await FunctionsHost.StartAsync(new Dictionary<string, string> { ["Limits__SessionsPerAddressPerHour"] = "2" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AClientsOwnForwardedFor_DoesNotChangeTheAddressItIsCountedAs()
    {
        await ClientLimitTests.AwayFromTheHourAsync();
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        async Task<HttpResponseMessage> CreateAsync(string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/sessions");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return await http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Created, (await CreateAsync("198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync("198.51.100.2")).StatusCode);
        var third = await CreateAsync("198.51.100.3");

        await ClientLimitTests.AssertTooManyAsync(third, "2 new sessions an hour from one network address");
    }
}
