using Azure.Data.Tables;
using Livechat.EndToEnd.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// The per-address limits on the Functions host set up as App Service on Linux sets it up: with
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> the host takes the right-most <c>X-Forwarded-For</c> entry, the one
/// Azure's front end appends, as the caller, and forwards only that to the worker. Each test's requests carry that
/// header, so each test is a few callers of its own (docs/decisions/0006-client-limits.md).
/// </summary>
public sealed class ClientLimitTests(ClientLimitTests.BehindAFrontEnd fixture) : IClassFixture<ClientLimitTests.BehindAFrontEnd>
{
    private Uri BaseAddress => fixture.Server.BaseAddress;

    [Fact]
    public async Task SessionsPastTheAddressLimit_Get429WithAProblem_AnotherRightMostAddressIsCountedApart()
    {
        await AwayFromTheHourAsync();
        // What the client wrote comes first; the front end appends the address it saw.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await CreateSessionAsync($"203.0.113.{i}, 198.51.100.10")).StatusCode);
        var before = await StorageSnapshot.TakeAsync(fixture.Server.TablePrefix);

        var refused = await CreateSessionAsync("203.0.113.99, 198.51.100.10");

        await AssertTooManyAsync(refused, "3 new sessions an hour from one network address");
        Assert.Equal(before, await StorageSnapshot.TakeAsync(fixture.Server.TablePrefix));
        Assert.Equal(HttpStatusCode.Created, (await CreateSessionAsync("198.51.100.10, 198.51.100.11")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreateSessionAsync("198.51.100.11, 198.51.100.10")).StatusCode);
    }

    [Fact]
    public async Task SessionsFromIPv6_AreCountedByTheirSlash64()
    {
        await AwayFromTheHourAsync();
        foreach (var address in new[] { "2001:db8:10:1::1", "2001:db8:10:1::2", "[2001:db8:10:1:aaaa::3]:443" })
            Assert.Equal(HttpStatusCode.Created, (await CreateSessionAsync(address)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreateSessionAsync("2001:db8:10:1:ffff:ffff:ffff:ffff")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CreateSessionAsync("2001:db8:10:2::1")).StatusCode);
    }

    [Fact]
    public async Task NewChatsPastTheAddressLimit_Get429_AndNoRoomNorOrchestrationIsCreated()
    {
        await AwayFromTheHourAsync();
        const string Address = "198.51.100.30";
        await using var first = await Visitor.CreateAsync(BaseAddress, Address);
        await using var second = await Visitor.CreateAsync(BaseAddress, Address);
        await using var third = await Visitor.CreateAsync(BaseAddress, Address);
        var firstRoom = await first.OpenRoomAsync();
        var secondRoom = await second.OpenRoomAsync();
        // The bots' greetings written, the tables hold still until someone acts.
        await first.WaitForMessagesAsync(firstRoom, 2);
        await second.WaitForMessagesAsync(secondRoom, 2);
        var before = await StorageSnapshot.TakeAsync(fixture.Server.TablePrefix);
        var orchestrations = await OrchestrationCountAsync();

        var refused = await third.Http.PostAsync("api/v1/rooms", null);

        await AssertTooManyAsync(refused, "2 new chats an hour from one network address");
        Assert.Equal(before, await StorageSnapshot.TakeAsync(fixture.Server.TablePrefix));
        Assert.Equal(orchestrations, await OrchestrationCountAsync());
        var session = await third.Http.GetFromJsonAsync<JsonObject>("api/v1/session");
        Assert.Null(session!["openRoomId"]?.GetValue<string>());
        // Re-opening a chat that is open is no new chat: it is not refused.
        var reopened = await (await first.Http.PostAsync("api/v1/rooms", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(firstRoom, reopened!["roomId"]!.GetValue<string>());
        Assert.False(reopened["created"]!.GetValue<bool>());
    }

    private async Task<HttpResponseMessage> CreateSessionAsync(string forwardedFor)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/sessions");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }

    private async Task<int> OrchestrationCountAsync()
    {
        var instances = new TableClient(fixture.Server.StorageConnectionString, fixture.Server.TaskHubName + "Instances");
        var count = 0;
        await foreach (var _ in instances.QueryAsync<TableEntity>(select: ["PartitionKey"])) count++;
        return count;
    }

    internal static async Task AssertTooManyAsync(HttpResponseMessage response, string limit)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(429, problem!["status"]!.GetValue<int>());
        Assert.Contains(limit, problem["detail"]!.GetValue<string>());
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: > 0 and <= 3600 }, $"Retry-After: {response.Headers.RetryAfter}");
    }

    /// <summary>The limits count per clock hour: a test that would straddle one waits for the next.</summary>
    internal static async Task AwayFromTheHourAsync()
    {
        var now = DateTime.UtcNow;
        if (now.Minute == 59) await Task.Delay(TimeSpan.FromSeconds(61 - now.Second));
    }

    public sealed class BehindAFrontEnd : HostFixture
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["Limits__SessionsPerAddressPerHour"] = "3",
            ["Limits__RoomsPerAddressPerHour"] = "2",
        };
    }
}
