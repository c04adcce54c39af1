using Livechat.EndToEnd.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// setRecipe and setDepartment on the Functions host: a page may route its visitors only to recipes and departments
/// the admin marked public, and a private one answers exactly like one that does not exist.
/// </summary>
/// <remarks>A host of each test's own: the first compares the whole of the app's tables before and after.</remarks>
public sealed class PageChosenRoutingTests : IAsyncLifetime
{
    private const string Flow = "vip-flow";
    private const string Desk = "vip-desk";
    private FunctionsHost _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await FunctionsHost.StartAsync();
        _admin = Agent.Admin(_server.BaseAddress, _server.AdminKey);
        // Saved by the admin, private as everything new is: a flow that greets, then hands over to the room's department.
        (await _admin.PostAsJsonAsync("api/v1/admin/recipes", new
        {
            id = Flow, name = "VIP", startBlockId = "hello",
            blocks = new object[]
            {
                new { id = "hello", type = "message", text = "Hello from the VIP flow.", next = "handover" },
                new { id = "handover", type = "transfer", text = "Connecting you to the VIP desk." },
            },
        })).EnsureSuccessStatusCode();
        await PutDepartmentAsync(Desk, isPublic: false);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task PrivateRecipeAndDepartment_AreRefusedLikeUnknownIds_AndTheSessionIsUnchanged()
    {
        await using var visitor = await Visitor.CreateAsync(_server.BaseAddress);
        var before = await StorageSnapshot.TakeAsync(_server.TablePrefix);

        var privateRecipe = await visitor.Http.PutAsJsonAsync("api/v1/session/recipe", new { recipeId = Flow });
        var unknownRecipe = await visitor.Http.PutAsJsonAsync("api/v1/session/recipe", new { recipeId = "no-such-flow" });
        var privateDepartment = await visitor.Http.PutAsJsonAsync("api/v1/session/department", new { department = Desk });
        var unknownDepartment = await visitor.Http.PutAsJsonAsync("api/v1/session/department", new { department = "no-such-desk" });

        Assert.Equal(await ProblemAsync(unknownRecipe, "recipeId", "no-such-flow"), await ProblemAsync(privateRecipe, "recipeId", Flow));
        Assert.Equal(await ProblemAsync(unknownDepartment, "department", "no-such-desk"), await ProblemAsync(privateDepartment, "department", Desk));
        Assert.Equal(before, await StorageSnapshot.TakeAsync(_server.TablePrefix));
        var session = await visitor.Http.GetFromJsonAsync<JsonObject>("api/v1/session");
        Assert.Null(session!["recipeId"]);
        Assert.Null(session["department"]);

        // A room opened now runs the default recipe, in no department.
        var roomId = await visitor.OpenRoomAsync();
        var room = (await StorageSnapshot.RowsAsync(_server.TablePrefix, "Rooms", roomId)).Single(r => r.RowKey == "room");
        Assert.Equal("welcome", room.GetString("RecipeId"));
        Assert.Null(room.GetString("Department"));
    }

    [Fact]
    public async Task MarkedPublicByTheAdmin_AreAccepted_TheNextRoomRunsTheRecipe_AndLandsInTheDepartmentsQueue()
    {
        await using var agent = await Agent.CreateAsync(_server.BaseAddress, _server.AdminKey, "vera", "Vera", Desk);
        (await _admin.PutAsJsonAsync($"api/v1/admin/recipes/{Flow}/visibility", new { @public = true })).EnsureSuccessStatusCode();
        await PutDepartmentAsync(Desk, isPublic: true);
        var recipes = await _admin.GetFromJsonAsync<JsonObject>("api/v1/admin/recipes");
        Assert.Contains(recipes!["recipes"]!.AsArray(), r => r!["id"]!.GetValue<string>() == Flow && r["public"]!.GetValue<bool>());
        var departments = await _admin.GetFromJsonAsync<JsonObject>("api/v1/admin/departments");
        Assert.Contains(departments!["departments"]!.AsArray(), d => d!["id"]!.GetValue<string>() == Desk && d["public"]!.GetValue<bool>());

        await using var visitor = await Visitor.CreateAsync(_server.BaseAddress);
        (await visitor.Http.PutAsJsonAsync("api/v1/session/recipe", new { recipeId = Flow })).EnsureSuccessStatusCode();
        (await visitor.Http.PutAsJsonAsync("api/v1/session/department", new { department = Desk })).EnsureSuccessStatusCode();
        var roomId = await visitor.OpenRoomAsync();

        var messages = await visitor.WaitForMessagesAsync(roomId, 2);
        Assert.Equal("Hello from the VIP flow.", messages[0]!["text"]!.GetValue<string>());
        var room = (await StorageSnapshot.RowsAsync(_server.TablePrefix, "Rooms", roomId)).Single(r => r.RowKey == "room");
        Assert.Equal((Flow, Desk), (room.GetString("RecipeId"), room.GetString("Department")));
        await WaitUntilAsync(async () => (await QueuedRoomIdsAsync(agent, Desk)).Contains(roomId), "the room in the VIP desk's queue");

        // Private again: no page can choose them any more, and clearing what the visitor chose still works.
        (await _admin.PutAsJsonAsync($"api/v1/admin/recipes/{Flow}/visibility", new { @public = false })).EnsureSuccessStatusCode();
        await PutDepartmentAsync(Desk, isPublic: false);
        await using var later = await Visitor.CreateAsync(_server.BaseAddress);
        Assert.Equal(HttpStatusCode.NotFound, (await later.Http.PutAsJsonAsync("api/v1/session/recipe", new { recipeId = Flow })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await later.Http.PutAsJsonAsync("api/v1/session/department", new { department = Desk })).StatusCode);
        (await visitor.Http.DeleteAsync("api/v1/session/recipe")).EnsureSuccessStatusCode();
        (await visitor.Http.DeleteAsync("api/v1/session/department")).EnsureSuccessStatusCode();
        var cleared = await visitor.Http.GetFromJsonAsync<JsonObject>("api/v1/session");
        Assert.Null(cleared!["recipeId"]);
        Assert.Null(cleared["department"]);
    }

    private async Task PutDepartmentAsync(string id, bool isPublic) =>
        (await _admin.PutAsJsonAsync($"api/v1/admin/departments/{id}", new { name = "VIP desk", @public = isPublic })).EnsureSuccessStatusCode();

    /// <summary>The problem body with the id the caller sent taken out: what is left must not tell private from unknown.</summary>
    private static async Task<string> ProblemAsync(HttpResponseMessage response, string field, string id)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"expected 404, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field), $"errors should name '{field}': {text}");
        problem.Remove("traceId");
        return problem.ToJsonString().Replace(id, "ID", StringComparison.Ordinal);
    }

    private static async Task<List<string>> QueuedRoomIdsAsync(Agent agent, string department)
    {
        var queue = await (await agent.QueueAsync(department)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        return queue!["rooms"]!.AsArray().Select(r => r!["roomId"]!.GetValue<string>()).ToList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not in time: {what}.");
            await Task.Delay(100);
        }
    }
}
