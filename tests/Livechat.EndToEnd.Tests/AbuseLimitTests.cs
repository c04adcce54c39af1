using Livechat.EndToEnd.Tests.Support;
using System.Net;
using System.Text;

namespace Livechat.EndToEnd.Tests;

/// <summary>Over a limit a visitor gets 413 or 429 with a problem body, and nothing is written.</summary>
/// <remarks>A host of each test's own: the tests compare the whole of the app's tables before and after.</remarks>
public sealed class AbuseLimitTests : IAsyncLifetime
{
    private FunctionsHost Server { get; set; } = null!;

    public async Task InitializeAsync() => Server = await FunctionsHost.StartAsync(new Dictionary<string, string>
    {
        ["Limits__MessagesPerMinute"] = "5",
        ["Limits__RoomsPerHour"] = "2",
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task MessagesOverTheMinuteLimit_Get429_AndAreNotStored()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        for (var i = 0; i < 5; i++) (await visitor.PostAsync(roomId, new { clientMessageId = $"m{i}", text = $"hello {i}" })).EnsureSuccessStatusCode();
        var before = await StorageSnapshot.TakeAsync(Server.TablePrefix);

        var sixth = await visitor.PostAsync(roomId, new { clientMessageId = "m5", text = "one too many" });

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("application/problem+json", sixth.Content.Headers.ContentType?.MediaType);
        await Task.Delay(1500);
        Assert.DoesNotContain((await visitor.MessagesAsync(roomId)), m => m!["text"]!.GetValue<string>() == "one too many");
    }

    [Fact]
    public async Task RoomsOverTheHourLimit_Get429()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        for (var i = 0; i < 2; i++)
        {
            var roomId = await visitor.OpenRoomAsync();
            (await visitor.Http.PostAsync($"api/v1/rooms/{roomId}/close", null)).EnsureSuccessStatusCode();
        }

        var third = await visitor.Http.PostAsync("api/v1/rooms", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OversizedBody_IsRefusedBeforeAnythingIsRead()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        var huge = new StringContent("{\"clientMessageId\":\"big\",\"text\":\"" + new string('x', 100_000) + "\"}", Encoding.UTF8, "application/json");

        var response = await visitor.Http.PostAsync($"api/v1/rooms/{roomId}/messages", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(await visitor.MessagesAsync(roomId), m => m!["clientMessageId"]?.GetValue<string>() == "big");
    }
}
