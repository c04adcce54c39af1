using Livechat.EndToEnd.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests;

/// <summary>The Functions app as a user runs it: the Functions host, Azurite, the Durable engine and the SignalR emulator.</summary>
public sealed class EndToEndTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private FunctionsHost Server => fixture.Server;

    [Fact]
    public void Host_RunsTheDurableSettingsOfHostJson()
    {
        // The extension logs the configuration it took. A setting put one level off in host.json is silently ignored:
        // useAppLease sat under storageProvider once and the host kept its 5-minute lease wait after an outage.
        var loaded = Server.Output.Split('\n').FirstOrDefault(l => l.Contains("Durable extension configuration loaded", StringComparison.Ordinal));
        Assert.NotNull(loaded);
        Assert.Contains("\"useAppLease\":false", loaded, StringComparison.Ordinal);
        Assert.Contains("\"maxQueuePollingInterval\":\"00:00:02\"", loaded, StringComparison.Ordinal);
        Assert.Contains("\"controlQueueVisibilityTimeout\":\"00:01:00\"", loaded, StringComparison.Ordinal);
        Assert.Contains("\"throwStatusExceptionsOnRaiseEvent\":false", loaded, StringComparison.Ordinal);
        Assert.Contains("\"extendedSessionsEnabled\":true", loaded, StringComparison.Ordinal);
        // Decision 0018: the partition hand-over of a scale-out waits for the sessions to idle out.
        Assert.Contains("\"extendedSessionIdleTimeoutInSeconds\":10", loaded, StringComparison.Ordinal);
    }

    /// <summary>
    /// The worker's lines reach the host (and, on Azure, Application Insights) one message each: a chat's calls do not
    /// add the HTTP client's, the resilience pipeline's or ASP.NET Core's lines for every hub send and response.
    /// </summary>
    [Fact]
    public async Task Worker_LogsItsOwnLines_NotALinePerHubSendOrResponse()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);

        var output = Server.Output;
        Assert.Contains($"Opened room {roomId}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sending HTTP request POST", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Received HTTP response headers", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Execution attempt. Source: 'SignalRRestPublisher", output, StringComparison.Ordinal);
        Assert.DoesNotContain("as Json.", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A host that creates its keys while it starts can fail its start (the key file's change event clears the key
    /// cache between storing and returning it: a NullReferenceException in the Durable extension's webhook setup, a
    /// red CI run). Seeded keys mean the host writes none: the file still has no host name, which the host stamps on
    /// every write.
    /// </summary>
    [Fact]
    public void Host_StartsOnItsSeededKeys_AndWritesNoKeyFile()
    {
        var keys = JsonNode.Parse(File.ReadAllText(Server.KeysFile))!;
        Assert.Null(keys["hostName"]);
        Assert.Contains(keys["systemKeys"]!.AsArray(), k => k!["name"]!.GetValue<string>() == "durabletask_extension");
        Assert.DoesNotContain(FunctionsHost.StartupErrorLine, Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoTabsOfOneVisitor_BothReceiveEveryBotMessage()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var tab1 = await visitor.ConnectTabAsync();
        var tab2 = await visitor.ConnectTabAsync();

        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        (await visitor.PostAsync(roomId, new { clientMessageId = "tab-click-1", buttonId = "support", text = "Support" })).EnsureSuccessStatusCode();
        await visitor.WaitForMessagesAsync(roomId, 5);

        foreach (var tab in new[] { tab1, tab2 })
        {
            await WaitUntil(() => tab.Count(e => e.Name == "message") >= 5);
            Assert.Equal(1, tab.Count(e => e.Name == "chatStarted"));
            Assert.Contains(tab, e => e.Name == "message" && e.Payload.TryGetProperty("blockId", out var block) && block.GetString() == "support");
            Assert.Contains(tab, e => e.Name == "message" && e.Payload.GetProperty("sender").GetString() == "visitor");
        }
    }

    /// <summary>
    /// The second close signals an orchestration that has finished. On the Functions host raising an event on a
    /// finished instance can throw (it answered 500 here) where the old stand-in host dropped it.
    /// </summary>
    [Fact]
    public async Task CloseTwice_BothAnswer200_TheRoomStaysEnded()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);

        using var first = await visitor.Http.PostAsync($"api/v1/rooms/{roomId}/close", null);
        await Task.Delay(3000); // the orchestration hears the close and completes
        using var second = await visitor.Http.PostAsync($"api/v1/rooms/{roomId}/close", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("ended", (await second.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherVisitor_CannotReadPostToOrCloseTheRoom_AndHearsNothing()
    {
        await using var owner = await Visitor.CreateAsync(Server.BaseAddress);
        await using var intruder = await Visitor.CreateAsync(Server.BaseAddress);
        var intruderTab = await intruder.ConnectTabAsync();
        var roomId = await owner.OpenRoomAsync();
        await owner.WaitForMessagesAsync(roomId, 2);

        var read = await intruder.Http.GetAsync($"api/v1/rooms/{roomId}/messages");
        var post = await intruder.PostAsync(roomId, new { clientMessageId = "x1", text = "hello" });
        var close = await intruder.Http.PostAsync($"api/v1/rooms/{roomId}/close", null);

        Assert.All([read, post, close], r =>
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(2, (await owner.MessagesAsync(roomId)).Count);
        await Task.Delay(500);
        Assert.Empty(intruderTab);
    }

    [Fact]
    public async Task BadInput_GetsProblemNamingTheField_AndWritesNothing()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);

        var unknownField = await visitor.PostAsync(roomId, new { clientMessageId = "b1", text = "hi", colour = "red" });
        var wrongType = await visitor.Http.PostAsync($"api/v1/rooms/{roomId}/messages", JsonContent.Create(new { clientMessageId = 5, text = "hi" }));
        var tooLong = await visitor.PostAsync(roomId, new { clientMessageId = "b2", text = new string('x', 2001) });
        var noToken = await new HttpClient { BaseAddress = Server.BaseAddress }.PostAsync("api/v1/rooms", null);

        await AssertProblem(unknownField, HttpStatusCode.BadRequest, "colour");
        await AssertProblem(wrongType, HttpStatusCode.BadRequest, "clientMessageId");
        await AssertProblem(tooLong, HttpStatusCode.BadRequest, "text");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(2, (await visitor.MessagesAsync(roomId)).Count);
    }

    [Fact]
    public async Task RetriedSend_WithTheSameClientMessageId_IsStoredAndAnsweredOnce()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);

        var first = await visitor.PostAsync(roomId, new { clientMessageId = "same-1", buttonId = "pricing", text = "Pricing" });
        var retry = await visitor.PostAsync(roomId, new { clientMessageId = "same-1", buttonId = "pricing", text = "Pricing" });
        first.EnsureSuccessStatusCode();
        retry.EnsureSuccessStatusCode();
        await visitor.WaitForMessagesAsync(roomId, 5);
        await Task.Delay(1500);

        var messages = await visitor.MessagesAsync(roomId);
        Assert.Equal(5, messages.Count);
        Assert.Equal(1, messages.Count(m => m!["sender"]!.GetValue<string>() == "visitor"));
    }

    [Fact]
    public async Task ServerKilledMidChat_AfterRestart_TheChatGoesOn()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);

        // Killed while the orchestration may still be checkpointing the greeting turn: nothing may be lost.
        Server.Kill();
        await Server.StartAsync();

        // The same token, room and orchestration continue on the restarted server.
        var tab = await visitor.ConnectTabAsync();
        (await visitor.PostAsync(roomId, new { clientMessageId = "after-restart", buttonId = "pricing", text = "Pricing" })).EnsureSuccessStatusCode();
        var messages = await visitor.WaitForMessagesAsync(roomId, 5, timeoutSeconds: 60);

        Assert.Equal(["greet", "menu", null, "pricing", "menu"], messages.Select(m => m!["blockId"]?.GetValue<string>()));
        Assert.Equal([1L, 2, 3, 4, 5], messages.Select(m => m!["seq"]!.GetValue<long>()));
        await WaitUntil(() => tab.Any(e => e.Name == "message" && e.Payload.TryGetProperty("blockId", out var block) && block.GetString() == "pricing"));
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]?.AsObject().ContainsKey(field), $"errors should name '{field}': {problem.ToJsonString()}");
    }

    private static async Task WaitUntil(Func<bool> condition, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Condition not met in time.");
            await Task.Delay(50);
        }
    }
}
