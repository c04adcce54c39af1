using Livechat.EndToEnd.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests;

/// <summary>Every configuration call of the widget API, through the Functions app, against Azurite.</summary>
/// <remarks>A host of each test's own: several tests compare the whole of the app's tables before and after a refused call.</remarks>
public sealed class ConfigurationApiTests : IAsyncLifetime
{
    private const string UserIdSecret = "customer-server-secret-for-identity-verification";
    private FunctionsHost Server { get; set; } = null!;

    public async Task InitializeAsync() => Server = await FunctionsHost.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task SetUserId_OnASecondDevice_ContinuesTheUsersOpenRoomAndItsTranscript()
    {
        await using var laptop = await Visitor.CreateAsync(Server.BaseAddress);
        await using var phone = await Visitor.CreateAsync(Server.BaseAddress);
        await PutOk(laptop, "api/v1/session/user", new { userId = "alice@example.com" });
        var roomId = await laptop.OpenRoomAsync();
        await laptop.WaitForMessagesAsync(roomId, 2);

        var phoneTab = await phone.ConnectTabAsync();
        await PutOk(phone, "api/v1/session/user", new { userId = "alice@example.com" });
        var opened = await (await phone.Http.PostAsync("api/v1/rooms", null)).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(roomId, opened!["roomId"]!.GetValue<string>());
        Assert.False(opened["created"]!.GetValue<bool>());
        Assert.Equal(2, (await phone.MessagesAsync(roomId)).Count);
        var session = await phone.Http.GetFromJsonAsync<JsonObject>("api/v1/session");
        Assert.Equal(roomId, session!["openRoomId"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenWidget_TenConcurrentCalls_StartOneRoom()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => visitor.Http.PostAsync("api/v1/rooms", null)));
        var bodies = await Task.WhenAll(responses.Select(r => r.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>()));

        Assert.Single(bodies.Select(b => b!["roomId"]!.GetValue<string>()).Distinct());
        Assert.Single(bodies, b => b!["created"]!.GetValue<bool>());
        var snapshot = await StorageSnapshot.TakeAsync(Server.TablePrefix);
        Assert.Single(snapshot, row => row.StartsWith("Rooms|") && row.Contains("|room|"));
    }

    [Fact]
    public async Task CustomFields_UserScopeFollowsTheUser_RoomScopeBelongsToOneRoom()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        await PutOk(visitor, "api/v1/session/fields/plan", new { value = "gold", scope = "user" });
        await PutOk(visitor, "api/v1/session/fields/cart", new { value = "3 items" });              // default scope: user
        await PutOk(visitor, "api/v1/session/fields/page", new { value = "/pricing", scope = "room" }); // before a room: the next room's
        await PutOk(visitor, "api/v1/session/user", new { userId = "bob-42" });

        var room1 = await visitor.OpenRoomAsync();
        Assert.Equal(["page=/pricing"], await FieldsAsync(visitor, "room"));
        await PutOk(visitor, "api/v1/session/fields/topic", new { value = "refund", scope = "room" });
        Assert.Equal(["page=/pricing", "topic=refund"], await FieldsAsync(visitor, "room"));
        (await visitor.Http.PostAsync($"api/v1/rooms/{room1}/close", null)).EnsureSuccessStatusCode();

        var room2 = await visitor.OpenRoomAsync();
        Assert.NotEqual(room1, room2);
        Assert.Empty(await FieldsAsync(visitor, "room"));
        Assert.Equal(["cart=3 items", "plan=gold"], await FieldsAsync(visitor, "user"));

        // Another device of the same user sees the user's fields.
        await using var other = await Visitor.CreateAsync(Server.BaseAddress);
        await PutOk(other, "api/v1/session/user", new { userId = "bob-42" });
        Assert.Equal(["cart=3 items", "plan=gold"], await FieldsAsync(other, "user"));
    }

    [Fact]
    public async Task SetUserParams_StoredOnTheUser_AndInvalidValuesRefused()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        await PutOk(visitor, "api/v1/session/params", new { name = "Ada Lovelace", email = "ada@example.com" });
        await PutOk(visitor, "api/v1/session/user", new { userId = "ada" });
        await PutOk(visitor, "api/v1/session/params", new { phone = "+44 20 7946 0000" });

        var session = await visitor.Http.GetFromJsonAsync<JsonObject>("api/v1/session");
        var userParams = session!["userParams"]!;
        Assert.Equal("Ada Lovelace", userParams["name"]!.GetValue<string>());
        Assert.Equal("ada@example.com", userParams["email"]!.GetValue<string>());
        Assert.Equal("+44 20 7946 0000", userParams["phone"]!.GetValue<string>());
        var user = await StorageSnapshot.RowsAsync(Server.TablePrefix, "Users", "ada");
        Assert.Equal("ada@example.com", user.Single().GetString("Email"));
    }

    [Fact]
    public async Task Department_AppliesToTheRoomsThatFollow_AndClearDepartmentRemovesIt()
    {
        await Dashboard.PutDepartmentAsync(Server, "sales");
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        await PutOk(visitor, "api/v1/session/department", new { department = "sales" });
        var room1 = await visitor.OpenRoomAsync();
        (await visitor.Http.PostAsync($"api/v1/rooms/{room1}/close", null)).EnsureSuccessStatusCode();
        (await visitor.Http.DeleteAsync("api/v1/session/department")).EnsureSuccessStatusCode();
        var room2 = await visitor.OpenRoomAsync();

        Assert.Equal("sales", (await StorageSnapshot.RowsAsync(Server.TablePrefix, "Rooms", room1)).Single(r => r.RowKey == "room").GetString("Department"));
        Assert.Null((await StorageSnapshot.RowsAsync(Server.TablePrefix, "Rooms", room2)).Single(r => r.RowKey == "room").GetString("Department"));
    }

    [Fact]
    public async Task Logout_EndsTheRoomAndTheSession_AndTellsEveryTab()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        await PutOk(visitor, "api/v1/session/user", new { userId = "carol" });
        var tab = await visitor.ConnectTabAsync(); // the widget reconnects as the user after setUserId
        var roomId = await visitor.OpenRoomAsync();

        (await visitor.Http.PostAsync("api/v1/session/logout", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.Http.GetAsync("api/v1/session")).StatusCode);
        var room = (await StorageSnapshot.RowsAsync(Server.TablePrefix, "Rooms", roomId)).Single(r => r.RowKey == "room");
        Assert.Equal("Ended", room.GetString("Status"));
        Assert.Equal("logout", room.GetString("EndReason"));
        await WaitUntil(() => tab.Any(e => e.Name == "logoutComplete") && tab.Any(e => e.Name == "chatEnded"));
    }

    [Fact]
    public async Task SetRecipe_UnknownRecipe_IsRefusedAndTheKnownOneRuns()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var before = await StorageSnapshot.TakeAsync(Server.TablePrefix);
        var unknown = await visitor.Http.PutAsJsonAsync("api/v1/session/recipe", new { recipeId = "no-such-recipe" });
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "recipeId");
        Assert.Equal(before, await StorageSnapshot.TakeAsync(Server.TablePrefix));

        await Dashboard.SetRecipePublicAsync(Server, "welcome");
        await PutOk(visitor, "api/v1/session/recipe", new { recipeId = "welcome" });
        var roomId = await visitor.OpenRoomAsync();
        Assert.Equal(2, (await visitor.WaitForMessagesAsync(roomId, 2)).Count);
    }

    public static TheoryData<string, string, string?, HttpStatusCode, string> BadRequests => new()
    {
        { "PUT", "api/v1/session/user", """{"userId":"a/b"}""", HttpStatusCode.BadRequest, "userId" },
        { "PUT", "api/v1/session/user", """{"userId":""}""", HttpStatusCode.BadRequest, "userId" },
        { "PUT", "api/v1/session/user", """{"userId":42}""", HttpStatusCode.BadRequest, "userId" },
        { "PUT", "api/v1/session/user", """{"userId":"x","admin":true}""", HttpStatusCode.BadRequest, "admin" },
        { "PUT", "api/v1/session/params", """{"email":"not-an-email"}""", HttpStatusCode.BadRequest, "email" },
        { "PUT", "api/v1/session/params", """{"phone":"call me"}""", HttpStatusCode.BadRequest, "phone" },
        { "PUT", "api/v1/session/params", $$"""{"name":"{{new string('n', 101)}}"}""", HttpStatusCode.BadRequest, "name" },
        { "PUT", "api/v1/session/params", """{"name":["x"]}""", HttpStatusCode.BadRequest, "name" },
        { "PUT", "api/v1/session/params", "{not json", HttpStatusCode.BadRequest, "body" },
        { "PUT", "api/v1/session/fields/bad%23key", """{"value":"v"}""", HttpStatusCode.BadRequest, "key" },
        { "PUT", "api/v1/session/fields/ok", """{"value":"v","scope":"planet"}""", HttpStatusCode.BadRequest, "scope" },
        { "PUT", "api/v1/session/fields/ok", """{"value":"v","scope":1}""", HttpStatusCode.BadRequest, "scope" },
        { "PUT", "api/v1/session/fields/ok", """{"scope":"user"}""", HttpStatusCode.BadRequest, "value" },
        { "PUT", "api/v1/session/fields/ok", $$"""{"value":"{{new string('v', 1025)}}"}""", HttpStatusCode.RequestEntityTooLarge, "value" },
        { "PUT", "api/v1/session/department", """{"department":"sales/eu"}""", HttpStatusCode.BadRequest, "department" },
        { "PUT", "api/v1/session/department", """{}""", HttpStatusCode.BadRequest, "department" },
        { "PUT", "api/v1/session/recipe", """{"recipeId":"bad id"}""", HttpStatusCode.BadRequest, "recipeId" },
        { "GET", "api/v1/session/fields?scope=planet", null, HttpStatusCode.BadRequest, "scope" },
        { "POST", "api/v1/rooms/rnothere/messages", """{"clientMessageId":"c1","text":"hi"}""", HttpStatusCode.NotFound, "roomId" },
        { "GET", "api/v1/rooms/rnothere/messages", null, HttpStatusCode.NotFound, "roomId" },
        { "POST", "api/v1/rooms/rnothere/close", null, HttpStatusCode.NotFound, "roomId" },
        { "POST", "api/v1/rooms", """{"roomId":"x"}""", HttpStatusCode.BadRequest, "roomId" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_GetsAProblemNamingTheField_AndWritesNothing(string method, string path, string? body, HttpStatusCode status, string field)
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var before = await StorageSnapshot.TakeAsync(Server.TablePrefix);

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await visitor.Http.SendAsync(request);

        await AssertProblemAsync(response, status, field);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(Server.TablePrefix));
    }

    [Fact]
    public async Task IdentityVerification_WhenASecretIsSet_OnlyTheCustomersSignatureLinksTheUser()
    {
        await using var server = await FunctionsHost.StartAsync(new Dictionary<string, string> { ["Identity__UserIdSecret"] = UserIdSecret });
        await using var visitor = await Visitor.CreateAsync(server.BaseAddress);
        var good = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(UserIdSecret), Encoding.UTF8.GetBytes("dave")));
        var forged = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("guess"), Encoding.UTF8.GetBytes("dave")));

        await AssertProblemAsync(await visitor.Http.PutAsJsonAsync("api/v1/session/user", new { userId = "dave" }), HttpStatusCode.Forbidden, "signature");
        await AssertProblemAsync(await visitor.Http.PutAsJsonAsync("api/v1/session/user", new { userId = "dave", signature = forged }), HttpStatusCode.Forbidden, "signature");
        Assert.Empty(await StorageSnapshot.RowsAsync(server.TablePrefix, "Users", "dave"));

        var linked = await visitor.Http.PutAsJsonAsync("api/v1/session/user", new { userId = "dave", signature = good });
        linked.EnsureSuccessStatusCode();
        Assert.Equal("dave", (await linked.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>());

        // A short-lived user token (HS256 JWT, sub = the id) works the same; an expired one does not.
        await using var other = await Visitor.CreateAsync(server.BaseAddress);
        await AssertProblemAsync(await other.Http.PutAsJsonAsync("api/v1/session/user",
            new { userId = "erin", signature = UserToken("erin", DateTimeOffset.UtcNow.AddMinutes(-1)) }), HttpStatusCode.Forbidden, "signature");
        (await other.Http.PutAsJsonAsync("api/v1/session/user",
            new { userId = "erin", signature = UserToken("erin", DateTimeOffset.UtcNow.AddMinutes(5)) })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task TurningVerificationOn_VoidsTheLinksMadeWithoutIt_SoAClaimedIdReadsNoneOfThatUsersChats()
    {
        // With verification off anyone may say they are alice: her own browser, and somebody else's.
        await using var alice = await Visitor.CreateAsync(Server.BaseAddress);
        await using var impostor = await Visitor.CreateAsync(Server.BaseAddress);
        await PutOk(alice, "api/v1/session/user", new { userId = "alice@example.com" });
        var roomId = await alice.OpenRoomAsync();
        await alice.WaitForMessagesAsync(roomId, 2);
        await PutOk(impostor, "api/v1/session/user", new { userId = "alice@example.com" });
        Assert.Equal(2, (await impostor.MessagesAsync(roomId)).Count);
        await Server.StopAsync();

        // The operator sets the secret: the same storage, the same sessions, now on a host that requires proof.
        await using var verifying = await FunctionsHost.StartAsync(new Dictionary<string, string>
        {
            ["Identity__UserIdSecret"] = UserIdSecret,
            ["Storage__TablePrefix"] = Server.TablePrefix,
            ["TaskHubName"] = Server.TaskHubName,
        });
        using var impostorAgain = new HttpClient { BaseAddress = verifying.BaseAddress };
        impostorAgain.DefaultRequestHeaders.Authorization = new("Bearer", impostor.Token);

        var session = await impostorAgain.GetFromJsonAsync<JsonObject>("api/v1/session");
        Assert.Null(session!["userId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await impostorAgain.GetAsync($"api/v1/rooms/{roomId}/messages")).StatusCode);
        await AssertProblemAsync(await impostorAgain.PutAsJsonAsync("api/v1/session/user", new { userId = "alice@example.com" }), HttpStatusCode.Forbidden, "signature");

        // Alice's page links her again with her server's proof, and her chat is hers.
        using var aliceAgain = new HttpClient { BaseAddress = verifying.BaseAddress };
        aliceAgain.DefaultRequestHeaders.Authorization = new("Bearer", alice.Token);
        var proof = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(UserIdSecret), Encoding.UTF8.GetBytes("alice@example.com")));
        (await aliceAgain.PutAsJsonAsync("api/v1/session/user", new { userId = "alice@example.com", signature = proof })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await aliceAgain.GetAsync($"api/v1/rooms/{roomId}/messages")).StatusCode);
    }

    /// <summary>What a customer's server makes with any JWT library, e.g. jsonwebtoken's sign({sub}, secret, {expiresIn: '5m'}).</summary>
    private static string UserToken(string userId, DateTimeOffset expires)
    {
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
        var payload = B64(Encoding.UTF8.GetBytes($$"""{"sub":"{{userId}}","exp":{{expires.ToUnixTimeSeconds()}}}"""));
        return $"{header}.{payload}.{B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(UserIdSecret), Encoding.ASCII.GetBytes($"{header}.{payload}")))}";
    }

    [Fact]
    public async Task Tokens_ForgedOrOfAnotherVisitor_CannotChangeTheSession()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        using var forged = new HttpClient { BaseAddress = Server.BaseAddress };
        var parts = visitor.Token.Split('.');
        forged.DefaultRequestHeaders.Authorization = new("Bearer", parts[0] + "." + new string('A', parts[1].Length));
        var before = await StorageSnapshot.TakeAsync(Server.TablePrefix);

        var response = await forged.PutAsJsonAsync("api/v1/session/department", new { department = "sales" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(Server.TablePrefix));
    }

    private static async Task PutOk(Visitor visitor, string path, object body) =>
        (await visitor.Http.PutAsJsonAsync(path, body)).EnsureSuccessStatusCode();

    private static async Task<List<string>> FieldsAsync(Visitor visitor, string scope)
    {
        var list = await visitor.Http.GetFromJsonAsync<JsonObject>($"api/v1/session/fields?scope={scope}");
        return list!["fields"]!.AsArray().Select(f => $"{f!["key"]}={f["value"]}").Order().ToList();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field), $"errors should name '{field}': {text}");
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
