using Livechat.EndToEnd.Tests.Support;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// The human agents' side through the local server process, Azurite and the hub: a room transferred to a
/// department's queue, claimed, a live two-way chat, closed by the agent; and who may call what.
/// </summary>
public sealed class AgentTests(AgentServerFixture fixture) : IClassFixture<AgentServerFixture>
{
    private const string AdminKey = AgentServerFixture.AdminKey;
    private Uri Base => fixture.Server.BaseAddress;

    [Fact]
    public async Task TransferredRoom_ClaimedBySalesAgent_ChatsLiveBothWaysAndEndsWithReasonAgent()
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var tab = await visitor.ConnectTabAsync();
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        await using var ann = await ConnectedAgentAsync("Ann", "sales");
        await using var sam = await ConnectedAgentAsync("Sam", "support");

        // Transferred to sales: the sales agent hears it live and sees it queued; support does not.
        var transfer = await Agent.TransferAsync(Base, AdminKey, roomId, "sales");
        Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
        Assert.Equal("waiting", (await transfer.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        var waiting = await WaitForEvent(ann.Events, "roomWaiting", roomId);
        Assert.Equal("sales", waiting.GetProperty("department").GetString());
        Assert.Contains(await QueuedRoomIdsAsync(ann, "sales"), id => id == roomId);
        await WaitForMessage(tab, roomId, m => m.GetProperty("sender").GetString() == "system" && m.GetProperty("text").GetString() == "Connecting you to an agent…");

        await AssertProblem(await sam.QueueAsync("sales"), HttpStatusCode.Forbidden, "department");
        await AssertProblem(await sam.ClaimAsync(roomId), HttpStatusCode.Forbidden, "roomId");
        Assert.DoesNotContain(sam.Events, e => e.Name == "roomWaiting");

        // Claimed: the visitor hears agentJoined, then the agent's message as a message event from "agent".
        var claim = await ann.ClaimAsync(roomId);
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        var joined = await WaitForEvent(tab, "agentJoined", roomId);
        Assert.Equal("Ann", joined.GetProperty("agentName").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await ann.SendAsync(roomId, "a-1", "Hi, I'm Ann. How can I help?")).StatusCode);
        var fromAgent = await WaitForMessage(tab, roomId, m => m.GetProperty("sender").GetString() == "agent");
        Assert.Equal("Hi, I'm Ann. How can I help?", fromAgent.GetProperty("text").GetString());
        var order = tab.Select(e => e.Name == "agentJoined" ? "joined" : e.Name == "message" && e.Payload.GetProperty("sender").GetString() == "agent" ? "agent" : null)
            .Where(n => n is not null).ToList();
        Assert.Equal(["joined", "agent"], order);
        Assert.DoesNotContain(await QueuedRoomIdsAsync(ann, "sales"), id => id == roomId);

        // The visitor's reply reaches the agent's connection live.
        (await visitor.PostAsync(roomId, new { clientMessageId = "v-reply-1", text = "Do you ship to Norway?" })).EnsureSuccessStatusCode();
        var reply = await WaitForMessage(ann.Events, roomId, m => m.GetProperty("sender").GetString() == "visitor");
        Assert.Equal("Do you ship to Norway?", reply.GetProperty("text").GetString());

        // Closed by the agent: the visitor hears chatEnded with reason "agent".
        var close = await ann.CloseAsync(roomId);
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var ended = await WaitForEvent(tab, "chatEnded", roomId);
        Assert.Equal("agent", ended.GetProperty("reason").GetString());
        await WaitForEvent(ann.Events, "chatEnded", roomId);

        var transcript = await ann.MessagesAsync(roomId);
        Assert.Equal(["bot", "bot", "system", "system", "agent", "visitor"], transcript.Select(m => m!["sender"]!.GetValue<string>()));
        Assert.Equal("Ann joined the chat", transcript[3]!["text"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await ann.SendAsync(roomId, "a-2", "Still there?")).StatusCode);
    }

    [Fact]
    public async Task SecondSalesAgent_ClaimingAClaimedRoom_Gets409AndCannotWriteInIt()
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        await using var ann = await ConnectedAgentAsync("Ann", "sales");
        await using var bob = await ConnectedAgentAsync("Bob", "sales");
        (await Agent.TransferAsync(Base, AdminKey, roomId, "sales")).EnsureSuccessStatusCode();

        var first = await ann.ClaimAsync(roomId);
        var second = await bob.ClaimAsync(roomId);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertProblem(second, HttpStatusCode.Conflict);
        await AssertProblem(await bob.SendAsync(roomId, "b-1", "Hello"), HttpStatusCode.Forbidden, "roomId");
        await AssertProblem(await bob.CloseAsync(roomId), HttpStatusCode.Forbidden, "roomId");
        await WaitForEvent(bob.Events, "roomClaimed", roomId);
    }

    [Fact]
    public async Task TwoSalesAgents_ClaimingAtOnce_OneWinsTheOtherGets409()
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        await using var ann = await ConnectedAgentAsync("Ann", "sales");
        await using var bob = await ConnectedAgentAsync("Bob", "sales");
        (await Agent.TransferAsync(Base, AdminKey, roomId, "sales")).EnsureSuccessStatusCode();

        var claims = await Task.WhenAll(ann.ClaimAsync(roomId), bob.ClaimAsync(roomId));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], claims.Select(c => c.StatusCode).Order());
        var joinedLines = (await visitor.MessagesAsync(roomId)).Count(m => m!["text"]!.GetValue<string>().EndsWith(" joined the chat"));
        Assert.Equal(1, joinedLines);
    }

    [Fact]
    public async Task VisitorToken_OnEveryAgentAndAdminEndpoint_Gets401()
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();
        var http = visitor.Http;

        var responses = new[]
        {
            await http.GetAsync("api/v1/agent/queue?department=sales"),
            await http.PostAsync("api/v1/agent/negotiate", null),
            await http.PostAsync($"api/v1/agent/rooms/{roomId}/claim", null),
            await http.GetAsync($"api/v1/agent/rooms/{roomId}/messages"),
            await http.PostAsJsonAsync($"api/v1/agent/rooms/{roomId}/messages", new { clientMessageId = "x", text = "hi" }),
            await http.PostAsync($"api/v1/agent/rooms/{roomId}/close", null),
            await http.PostAsJsonAsync("api/v1/admin/agents/token", new { agentId = "me", name = "Me", departments = new[] { "sales" } }),
            await http.PostAsJsonAsync($"api/v1/admin/rooms/{roomId}/transfer", new { department = "sales" }),
            await http.GetAsync("api/v1/admin/agents/me/tokens"),
            await http.DeleteAsync("api/v1/admin/agents/me/tokens"),
            await http.DeleteAsync("api/v1/admin/agents/me/tokens/t0123"),
        };

        foreach (var response in responses) await AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("open", (await http.GetFromJsonAsync<JsonObject>($"api/v1/rooms/{roomId}/messages"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RevokedToken_Gets401AtOnce_AndTheConsoleIsDisconnected()
    {
        var agentId = "ann-" + Guid.NewGuid().ToString("N")[..6];
        await using var ann = await Agent.CreateAsync(Base, AdminKey, agentId, "Ann", "sales");
        await ann.ConnectAsync();
        using var admin = Agent.Admin(Base, AdminKey);
        var listed = await admin.GetFromJsonAsync<JsonObject>($"api/v1/admin/agents/{agentId}/tokens");
        var token = Assert.Single(listed!["tokens"]!.AsArray())!;
        Assert.Equal(ann.TokenId, token["tokenId"]!.GetValue<string>());
        Assert.Equal(["sales"], token["departments"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.DoesNotContain(ann.Token, listed.ToJsonString());

        var revoked = await admin.DeleteAsync($"api/v1/admin/agents/{agentId}/tokens/{ann.TokenId}");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await AssertProblem(await ann.QueueAsync("sales"), HttpStatusCode.Unauthorized);
        await AssertProblem(await ann.Http.PostAsync("api/v1/agent/negotiate", null), HttpStatusCode.Unauthorized);
        var closed = await ann.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("revoked", closed ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await admin.GetFromJsonAsync<JsonObject>($"api/v1/admin/agents/{agentId}/tokens"))!["tokens"]!.AsArray());
        await AssertProblem(await admin.DeleteAsync($"api/v1/admin/agents/{agentId}/tokens/{ann.TokenId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TokenReissuedWithFewerDepartments_TheOldRevoked_TheConsoleNoLongerHearsTheOldDepartment()
    {
        var agentId = "ann-" + Guid.NewGuid().ToString("N")[..6];
        var support = "support-" + Guid.NewGuid().ToString("N")[..6];
        await using var wide = await Agent.CreateAsync(Base, AdminKey, agentId, "Ann", "sales", support);
        await using var narrow = await Agent.CreateAsync(Base, AdminKey, agentId, "Ann", "sales");
        await wide.ConnectAsync();
        using var admin = Agent.Admin(Base, AdminKey);
        (await admin.DeleteAsync($"api/v1/admin/agents/{agentId}/tokens/{wide.TokenId}")).EnsureSuccessStatusCode();
        await narrow.ConnectAsync();

        await using var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        (await Agent.TransferAsync(Base, AdminKey, roomId, support)).EnsureSuccessStatusCode();
        await using var other = await Visitor.CreateAsync(Base);
        var salesRoom = await other.OpenRoomAsync();
        await other.WaitForMessagesAsync(salesRoom, 2);
        (await Agent.TransferAsync(Base, AdminKey, salesRoom, "sales")).EnsureSuccessStatusCode();

        await WaitForEvent(narrow.Events, "roomWaiting", salesRoom);
        Assert.DoesNotContain(narrow.Events, e => e.Name == "roomWaiting" && e.Payload.GetProperty("roomId").GetString() == roomId);
        Assert.Equal(HttpStatusCode.Forbidden, (await narrow.QueueAsync(support)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wide.QueueAsync(support)).StatusCode);
    }

    [Fact]
    public async Task TheTokenCommandRunShPrints_IssuesAToken()
    {
        // run.sh prints how to get an agent token; it once left out the required name and got a 400.
        var runSh = await File.ReadAllTextAsync(Path.Combine(StackPaths.Root, "run.sh"));
        var body = System.Text.RegularExpressions.Regex.Match(runSh, @"agents/token .*?-d '(?<body>\{[^']*\})'", System.Text.RegularExpressions.RegexOptions.Singleline).Groups["body"].Value;
        Assert.NotEmpty(body);
        using var admin = Agent.Admin(Base, AdminKey);

        var issued = await admin.PostAsync("api/v1/admin/agents/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.StartsWith("agent.", (await issued.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task AgentToken_OnVisitorEndpoints_Gets401()
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();
        await using var ann = await Agent.CreateAsync(Base, AdminKey, "ann-" + Guid.NewGuid().ToString("N")[..6], "Ann", "sales");
        var http = ann.Http;

        var responses = new[]
        {
            await http.GetAsync("api/v1/session"),
            await http.PostAsync("api/v1/negotiate", null),
            await http.PostAsync("api/v1/rooms", null),
            await http.GetAsync($"api/v1/rooms/{roomId}/messages"),
            await http.PostAsJsonAsync($"api/v1/rooms/{roomId}/messages", new { clientMessageId = "x", text = "hi" }),
            await http.PostAsync($"api/v1/rooms/{roomId}/close", null),
        };

        foreach (var response in responses) await AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AdminCalls_WithoutTheAdminKey_Get401AndChangeNothing()
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();

        using var wrongKey = Agent.Admin(Base, AdminKey + "x");
        using var noKey = new HttpClient { BaseAddress = Base };
        foreach (var client in new[] { wrongKey, noKey })
        {
            await AssertProblem(await client.PostAsJsonAsync("api/v1/admin/agents/token", new { agentId = "me", name = "Me", departments = new[] { "sales" } }),
                HttpStatusCode.Unauthorized);
            await AssertProblem(await client.PostAsJsonAsync($"api/v1/admin/rooms/{roomId}/transfer", new { department = "sales" }), HttpStatusCode.Unauthorized);
        }
        // The local-development key of appsettings.json is not accepted once a deployment sets its own.
        using var devKey = Agent.Admin(Base, "local-development-only-admin-key-never-use-in-azure");
        await AssertProblem(await devKey.PostAsJsonAsync($"api/v1/admin/rooms/{roomId}/transfer", new { department = "sales" }), HttpStatusCode.Unauthorized);

        Assert.Equal("open", (await visitor.Http.GetFromJsonAsync<JsonObject>($"api/v1/rooms/{roomId}/messages"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherVisitor_HearsNoneOfAnotherRoomsAgentEvents()
    {
        await using var owner = await Visitor.CreateAsync(Base);
        await using var other = await Visitor.CreateAsync(Base);
        var ownerTab = await owner.ConnectTabAsync();
        var otherTab = await other.ConnectTabAsync();
        var roomId = await owner.OpenRoomAsync();
        var otherRoomId = await other.OpenRoomAsync();
        await owner.WaitForMessagesAsync(roomId, 2);
        await other.WaitForMessagesAsync(otherRoomId, 2);
        await using var ann = await ConnectedAgentAsync("Ann", "sales");

        (await Agent.TransferAsync(Base, AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        (await ann.ClaimAsync(roomId)).EnsureSuccessStatusCode();
        (await ann.SendAsync(roomId, "a-1", "For the owner only")).EnsureSuccessStatusCode();
        (await ann.CloseAsync(roomId)).EnsureSuccessStatusCode();
        await WaitForEvent(ownerTab, "chatEnded", roomId);
        await Task.Delay(500);

        Assert.DoesNotContain(otherTab, e => e.Payload.ValueKind == JsonValueKind.Object
            && e.Payload.TryGetProperty("roomId", out var id) && id.GetString() == roomId);
        Assert.DoesNotContain(otherTab, e => e.Name is "agentJoined" or "chatEnded");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"api/v1/rooms/{roomId}/messages")).StatusCode);
    }

    [Fact]
    public async Task AgentConsole_IsServedAtSlashAgent()
    {
        using var http = new HttpClient { BaseAddress = Base };

        var page = await http.GetAsync("agent/");
        var script = await http.GetAsync("agent/agent.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("agent.js", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("agent/agent.ts")).StatusCode);
    }

    /// <summary>
    /// Each of these signals a room orchestration that may have finished: on the Functions host that can throw where
    /// the old stand-in host dropped the event. Every call answers as it should, and the room stays ended.
    /// </summary>
    [Fact]
    public async Task AgentClosesTwice_AndAVisitorLogsOutOfAClaimedRoom_EveryCallSucceeds()
    {
        await using var ann = await ConnectedAgentAsync("Ann", "sales");
        var first = await ClaimedRoomAsync(ann);
        var second = await ClaimedRoomAsync(ann);

        using var close = await ann.CloseAsync(first.RoomId);
        await Task.Delay(3000); // the orchestration hears the close and completes
        using var closeAgain = await ann.CloseAsync(first.RoomId);
        using var logout = await second.Visitor.Http.PostAsync("api/v1/session/logout", null);
        await Task.Delay(3000);
        using var closeAfterLogout = await ann.CloseAsync(second.RoomId);

        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closeAgain.StatusCode);
        Assert.True(logout.IsSuccessStatusCode, $"logout answered {(int)logout.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, closeAfterLogout.StatusCode);
        var ended = await WaitForEvent(ann.Events, "chatEnded", second.RoomId);
        Assert.Equal("logout", ended.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await ann.SendAsync(second.RoomId, "a-late", "Still there?")).StatusCode);
        await first.Visitor.DisposeAsync();
        await second.Visitor.DisposeAsync();
    }

    private async Task<(Visitor Visitor, string RoomId)> ClaimedRoomAsync(Agent agent)
    {
        var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        (await Agent.TransferAsync(Base, AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        (await agent.ClaimAsync(roomId)).EnsureSuccessStatusCode();
        return (visitor, roomId);
    }

    private async Task<Agent> ConnectedAgentAsync(string name, params string[] departments)
    {
        // Unique ids: the agents of every test share this server's realtime groups.
        var agent = await Agent.CreateAsync(Base, AdminKey, $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}"[..16], name, departments);
        await agent.ConnectAsync();
        return agent;
    }

    [Fact]
    public async Task Agents_SeeThatAUserIdThePageGaveIsUnverified_AndWhichFactsOnlyThePageVouchesFor()
    {
        // Local development trusts ids as given: the id is the page's word, and the agent is told so.
        await using var visitor = await Visitor.CreateAsync(Base);
        (await visitor.Http.PutAsJsonAsync("api/v1/session/user", new { userId = "bob@example.com" })).EnsureSuccessStatusCode();
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        await using var ann = await ConnectedAgentAsync("Ann", "sales");

        (await Agent.TransferAsync(Base, AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        var waiting = await WaitForEvent(ann.Events, "roomWaiting", roomId);
        Assert.Equal("bob@example.com", waiting.GetProperty("userId").GetString());
        Assert.False(waiting.GetProperty("userVerified").GetBoolean());
        var queue = await (await ann.QueueAsync("sales")).Content.ReadFromJsonAsync<JsonObject>();
        var queued = queue!["rooms"]!.AsArray().Single(r => r!["roomId"]!.GetValue<string>() == roomId)!;
        Assert.False(queued["userVerified"]!.GetValue<bool>());

        var transcript = await (await ann.Http.GetAsync($"api/v1/agent/rooms/{roomId}/messages")).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        var about = transcript!["visitor"]!;
        Assert.Equal("bob@example.com", about["userId"]!.GetValue<string>());
        Assert.False(about["userVerified"]!.GetValue<bool>());
        // The department came from the operator's transfer, not the page: only the user id is the page's word.
        Assert.Equal(["userId"], about["pageAsserted"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    private static async Task<IReadOnlyList<string>> QueuedRoomIdsAsync(Agent agent, string department)
    {
        var queue = await (await agent.QueueAsync(department)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        return queue!["rooms"]!.AsArray().Select(r => r!["roomId"]!.GetValue<string>()).ToList();
    }

    private static async Task<JsonElement> WaitForEvent(ConcurrentQueue<(string Name, JsonElement Payload)> events, string name, string roomId) =>
        await WaitFor(events, e => e.Name == name && e.Payload.GetProperty("roomId").GetString() == roomId, $"{name} for {roomId}");

    private static async Task<JsonElement> WaitForMessage(ConcurrentQueue<(string Name, JsonElement Payload)> events, string roomId, Func<JsonElement, bool> match) =>
        await WaitFor(events, e => e.Name == "message" && e.Payload.GetProperty("roomId").GetString() == roomId && match(e.Payload), $"a message in {roomId}");

    private static async Task<JsonElement> WaitFor(ConcurrentQueue<(string Name, JsonElement Payload)> events, Func<(string Name, JsonElement Payload), bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var e in events)
                if (match(e)) return e.Payload;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No {what}; received: {string.Join(", ", events.Select(e => e.Name + " " + e.Payload))}");
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is null) return;
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]?.AsObject().ContainsKey(field), $"errors should name '{field}': {problem.ToJsonString()}");
    }
}
