using Livechat.EndToEnd.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests;

/// <summary>The dashboard's recipe API on the local server: validation, versions, the default recipe, deletion.</summary>
public sealed class RecipesAdminTests : IAsyncLifetime
{
    private const string AdminKey = "local-development-only-admin-key-never-use-in-azure";
    private FunctionsHost _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await FunctionsHost.StartAsync();
        _admin = new HttpClient { BaseAddress = _server.BaseAddress };
        _admin.DefaultRequestHeaders.Add("x-admin-key", AdminKey);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    private static object Faq(string greeting) => new
    {
        id = "faq",
        name = "FAQ",
        startBlockId = "hello",
        blocks = new object[]
        {
            new { id = "hello", type = "message", text = greeting, next = "menu" },
            new { id = "menu", type = "buttons", text = "Pick one", buttons = new[] { new { id = "hours", label = "Opening hours", next = "hours" } } },
            new { id = "hours", type = "end", text = "We are open 9 to 5." },
        },
    };

    [Fact]
    public async Task CreateSetDefaultAndEdit_NewRoomsRunTheNewestVersion_OldVersionsStayReadable()
    {
        (await _admin.PostAsJsonAsync("api/v1/admin/recipes", Faq("Hello from v1"))).EnsureSuccessStatusCode();
        (await _admin.PutAsJsonAsync("api/v1/admin/default-recipe", new { recipeId = "faq" })).EnsureSuccessStatusCode();

        await using var visitor = await Visitor.CreateAsync(_server.BaseAddress);
        var room1 = await visitor.OpenRoomAsync();
        Assert.Equal("Hello from v1", (await visitor.WaitForMessagesAsync(room1, 2))[0]!["text"]!.GetValue<string>());

        var updated = await (await _admin.PutAsJsonAsync("api/v1/admin/recipes/faq", Faq("Hello from v2"))).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(2, updated!["version"]!.GetValue<int>());
        var v1 = await _admin.GetFromJsonAsync<JsonObject>("api/v1/admin/recipes/faq?version=1");
        Assert.Equal("Hello from v1", v1!["blocks"]![0]!["text"]!.GetValue<string>());
        var list = await _admin.GetFromJsonAsync<JsonObject>("api/v1/admin/recipes");
        Assert.Equal("faq", list!["defaultRecipeId"]!.GetValue<string>());
        Assert.Contains(list["recipes"]!.AsArray(), r => r!["id"]!.GetValue<string>() == "faq" && r["version"]!.GetValue<int>() == 2);

        (await visitor.Http.PostAsync($"api/v1/rooms/{room1}/close", null)).EnsureSuccessStatusCode();
        var room2 = await visitor.OpenRoomAsync();
        Assert.Equal("Hello from v2", (await visitor.WaitForMessagesAsync(room2, 2))[0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidRecipe_IsRefusedWithTheBlockNamed_AndNothingIsSaved()
    {
        var before = await StorageSnapshot.TakeAsync(_server.TablePrefix);
        var broken = new
        {
            id = "broken", name = "Broken", startBlockId = "a",
            blocks = new object[] { new { id = "a", type = "message", text = "x", next = "ghost" }, new { id = "b", type = "teleport" } },
        };

        var response = await _admin.PostAsJsonAsync("api/v1/admin/recipes", broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("blocks.a.next"));
        Assert.True(errors.ContainsKey("blocks.b.type"));
        Assert.Equal(before, await StorageSnapshot.TakeAsync(_server.TablePrefix));
    }

    [Fact]
    public async Task RecipeApi_WithoutTheAdminKeyOrWithAVisitorToken_IsRefused()
    {
        await using var visitor = await Visitor.CreateAsync(_server.BaseAddress);
        using var anonymous = new HttpClient { BaseAddress = _server.BaseAddress };

        var noKey = await anonymous.PostAsJsonAsync("api/v1/admin/recipes", Faq("x"));
        var visitorToken = await visitor.Http.GetAsync("api/v1/admin/recipes");

        Assert.Contains(noKey.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Contains(visitorToken.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("api/v1/admin/recipes/faq")).StatusCode);
    }

    [Fact]
    public async Task DeletedRecipe_CannotBeChosenForNewRooms_ButTheRunningRoomFinishes()
    {
        (await _admin.PostAsJsonAsync("api/v1/admin/recipes", Faq("Hello"))).EnsureSuccessStatusCode();
        await Dashboard.SetRecipePublicAsync(_server, "faq");
        await using var visitor = await Visitor.CreateAsync(_server.BaseAddress);
        (await visitor.Http.PutAsJsonAsync("api/v1/session/recipe", new { recipeId = "faq" })).EnsureSuccessStatusCode();
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);

        (await _admin.DeleteAsync("api/v1/admin/recipes/faq")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.PutAsJsonAsync("api/v1/session/recipe", new { recipeId = "faq" })).StatusCode);
        (await visitor.PostAsync(roomId, new { clientMessageId = "h1", buttonId = "hours", text = "Opening hours" })).EnsureSuccessStatusCode();
        var messages = await visitor.WaitForMessagesAsync(roomId, 4);
        Assert.Equal("We are open 9 to 5.", messages[3]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drafts_TheReadmesFlow_AnIncompleteDraftIsKept_PublishIsRefusedUntilFixed_ThePreviewRunsTheDraftAlone()
    {
        object Returns(object[] buttons) => new
        {
            name = "Returns", startBlockId = "hi",
            blocks = new object[]
            {
                new { id = "hi", type = "message", text = "Returning something?", next = "menu" },
                new { id = "menu", type = "buttons", text = "Pick one", buttons },
                new { id = "bye", type = "end", text = "Your label is on its way." },
            },
        };
        var saved = await (await _admin.PutAsJsonAsync("api/v1/admin/recipes/returns/draft", Returns([]))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(["blocks.menu.buttons"], saved!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Null(saved["publishedVersion"]);
        var listed = (await _admin.GetFromJsonAsync<JsonObject>("api/v1/admin/recipes"))!["recipes"]!.AsArray().Single(r => (string?)r!["id"] == "returns")!;
        Assert.Equal((true, null), ((bool)listed["draft"]!, listed["version"]));

        var refused = await _admin.PostAsync("api/v1/admin/recipes/returns/publish", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("blocks.menu.buttons", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("api/v1/admin/recipes/returns")).StatusCode);

        var fixedDraft = await _admin.PutAsJsonAsync("api/v1/admin/recipes/returns/draft", Returns([new { id = "label", label = "A label", next = "bye" }]));
        Assert.Empty((await fixedDraft.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject());
        var preview = (await (await _admin.PostAsync("api/v1/admin/recipes/returns/preview", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.StartsWith("/dashboard/preview/returns#session=", (string)preview["pageUrl"]!);

        // The preview's session runs the draft; a visitor's runs the default; nobody can pick the preview.
        using var previewer = new HttpClient { BaseAddress = _server.BaseAddress };
        previewer.DefaultRequestHeaders.Authorization = new("Bearer", (string)preview["token"]!);
        var room = (await (await previewer.PostAsync("api/v1/rooms", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var transcript = await previewer.GetFromJsonAsync<JsonObject>($"api/v1/rooms/{room["roomId"]}/messages");
        Assert.Equal("Returning something?", (string?)transcript!["messages"]![0]!["text"]);
        await using var visitor = await Visitor.CreateAsync(_server.BaseAddress);
        var visitorRoom = await visitor.OpenRoomAsync();
        Assert.Equal("Hi there! 👋 Welcome to our chat.", (string?)(await visitor.WaitForMessagesAsync(visitorRoom, 1))[0]!["text"]);
        var chosen = await visitor.Http.PutAsJsonAsync("api/v1/session/recipe", new { recipeId = (string)preview["previewId"]! });
        Assert.Equal(HttpStatusCode.BadRequest, chosen.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.PutAsJsonAsync("api/v1/admin/default-recipe", new { recipeId = (string)preview["previewId"]! })).StatusCode);

        var published = await _admin.PostAsync("api/v1/admin/recipes/returns/publish", null);
        Assert.Equal(1, (int)(await published.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsync("api/v1/admin/recipes/returns/publish", null)).StatusCode);
        var versions = (await _admin.GetFromJsonAsync<JsonObject>("api/v1/admin/recipes/returns/versions"))!["versions"]!.AsArray();
        Assert.Equal(["hi", "menu", "bye"], versions.Single()!["changes"]!["blocksAdded"]!.AsArray().Select(b => (string?)b));
    }
}
