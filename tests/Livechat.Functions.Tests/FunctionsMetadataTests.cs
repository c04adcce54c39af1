using Livechat.Core.Rooms;
using System.Text.Json;

namespace Livechat.Functions.Tests;

/// <summary>
/// What the Functions host will index: the functions.metadata and host.json of the built app, copied to FunctionsApp/
/// by this project's build from the Livechat.Functions output.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string AppDirectory = Path.Combine(AppContext.BaseDirectory, "FunctionsApp");

    private static readonly Lazy<JsonElement[]> Functions = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppDirectory, "functions.metadata")));
        return document.RootElement.EnumerateArray().Select(f => f.Clone()).ToArray();
    });

    [Theory]
    [InlineData("WidgetScript", "api/widget.js", "get")]
    [InlineData("AgentConsole", "agent/{*path}", "get")]
    [InlineData("Dashboard", "dashboard/{*path}", "get")]
    [InlineData("DemoPage", "{page?}", "get")]
    [InlineData("SpecPages", "spec/{page?}", "get")]
    [InlineData("Preflight", "api/{*path}", "options")]
    [InlineData("CreateSession", "api/v1/sessions", "post")]
    [InlineData("GetSession", "api/v1/session", "get")]
    [InlineData("Negotiate", "api/v1/negotiate", "post")]
    [InlineData("OpenRoom", "api/v1/rooms", "post")]
    [InlineData("ReadMessages", "api/v1/rooms/{roomId}/messages", "get")]
    [InlineData("PostMessage", "api/v1/rooms/{roomId}/messages", "post")]
    [InlineData("CloseRoom", "api/v1/rooms/{roomId}/close", "post")]
    public void Metadata_VisitorRoute_IsAnAnonymousHttpTrigger(string function, string route, string method)
    {
        var matches = Functions.Value
            .Where(f => Bindings(f).Any(b => Type(b) == "httpTrigger"
                && b.GetProperty("route").GetString() == route
                && b.GetProperty("methods").EnumerateArray().Any(m => string.Equals(m.GetString(), method, StringComparison.OrdinalIgnoreCase))))
            .ToList();

        var match = Assert.Single(matches);
        Assert.Equal(function, match.GetProperty("name").GetString());
        var trigger = Bindings(match).Single(b => Type(b) == "httpTrigger");
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Contains(Bindings(match), b => Type(b) == "http" && b.GetProperty("direction").GetString() == "Out");
    }

    /// <summary>Anonymous to the host too: the app checks the agent token or the x-admin-key itself, in both hosts alike.</summary>
    [Theory]
    [InlineData("ListAgentQueue", "api/v1/agent/queue", "get")]
    [InlineData("AgentNegotiate", "api/v1/agent/negotiate", "post")]
    [InlineData("ClaimRoom", "api/v1/agent/rooms/{roomId}/claim", "post")]
    [InlineData("ReadAgentMessages", "api/v1/agent/rooms/{roomId}/messages", "get")]
    [InlineData("PostAgentMessage", "api/v1/agent/rooms/{roomId}/messages", "post")]
    [InlineData("CloseAgentRoom", "api/v1/agent/rooms/{roomId}/close", "post")]
    [InlineData("IssueAgentToken", "api/v1/admin/agents/token", "post")]
    [InlineData("AgentHeartbeat", "api/v1/agent/heartbeat", "post")]
    [InlineData("RedeemInvitation", "api/v1/agent/invitations/redeem", "post")]
    [InlineData("InviteAgent", "api/v1/admin/agents/invitations", "post")]
    [InlineData("ListAgents", "api/v1/admin/agents", "get")]
    [InlineData("WhoAmI", "api/v1/admin/whoami", "get")]
    [InlineData("TransferRoom", "api/v1/admin/rooms/{roomId}/transfer", "post")]
    [InlineData("ListRecipes", "api/v1/admin/recipes", "get")]
    [InlineData("CreateRecipe", "api/v1/admin/recipes", "post")]
    [InlineData("GetRecipe", "api/v1/admin/recipes/{recipeId}", "get")]
    [InlineData("UpdateRecipe", "api/v1/admin/recipes/{recipeId}", "put")]
    [InlineData("DeleteRecipe", "api/v1/admin/recipes/{recipeId}", "delete")]
    [InlineData("SetDefaultRecipe", "api/v1/admin/default-recipe", "put")]
    [InlineData("SetRecipeVisibility", "api/v1/admin/recipes/{recipeId}/visibility", "put")]
    [InlineData("GetRecipeDraft", "api/v1/admin/recipes/{recipeId}/draft", "get")]
    [InlineData("SaveRecipeDraft", "api/v1/admin/recipes/{recipeId}/draft", "put")]
    [InlineData("PublishRecipe", "api/v1/admin/recipes/{recipeId}/publish", "post")]
    [InlineData("ListRecipeVersions", "api/v1/admin/recipes/{recipeId}/versions", "get")]
    [InlineData("PreviewRecipe", "api/v1/admin/recipes/{recipeId}/preview", "post")]
    [InlineData("ListDepartments", "api/v1/admin/departments", "get")]
    [InlineData("PutDepartment", "api/v1/admin/departments/{departmentId}", "put")]
    [InlineData("DeleteDepartment", "api/v1/admin/departments/{departmentId}", "delete")]
    [InlineData("ListConversations", "api/v1/admin/conversations", "get")]
    [InlineData("GetConversation", "api/v1/admin/conversations/{roomId}", "get")]
    [InlineData("GetOverview", "api/v1/admin/overview", "get")]
    public void Metadata_AgentOrAdminRoute_IsAnAnonymousHttpTrigger(string function, string route, string method) =>
        Metadata_VisitorRoute_IsAnAnonymousHttpTrigger(function, route, method);

    /// <summary>
    /// The host tries function routes in the order of the functions' names and takes the first that matches (seen on
    /// the host: a catch-all named before GetSession answered GET /api/v1/session), so no route may match a URL that
    /// belongs to another function's route with the same method.
    /// </summary>
    [Fact]
    public void Metadata_NoRouteAnswersAnotherFunctionsUrls()
    {
        var routes = Functions.Value
            .SelectMany(f => Bindings(f).Where(b => Type(b) == "httpTrigger").Select(b => (
                Name: f.GetProperty("name").GetString()!,
                Route: b.GetProperty("route").GetString()!,
                Methods: b.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).ToHashSet())))
            .ToList();
        Assert.True(routes.Count > 30, "the metadata lists the HTTP functions");

        var shadowed = from route in routes
                       from other in routes
                       where other.Name != route.Name && other.Methods.Overlaps(route.Methods)
                       let url = System.Text.RegularExpressions.Regex.Replace(other.Route, @"\{[^}]+\}", "x")
                       where Matches(route.Route, url)
                       select $"{route.Name} ({route.Route}) answers {url}, a URL of {other.Name} ({other.Route})";
        Assert.Empty(shadowed);
    }

    [Theory]
    [InlineData("OpenRoom")]
    [InlineData("PostMessage")]
    [InlineData("CloseRoom")]
    [InlineData("CloseAgentRoom")]
    [InlineData("CreateWebhook")]
    [InlineData("PutWebhook")]
    [InlineData("ReplayWebhookEvents")]
    public void Metadata_FunctionThatStartsOrSignalsRooms_BindsTheDurableClient(string function)
    {
        Assert.Contains(Bindings(Function(function)), b => Type(b) == "durableClient");
    }

    // The webhook pumps are woken through the invocation's Durable client: a route that raises a webhook event
    // without one leaves its subscribers waiting for their next idle poll (up to WebhookEvents__IdlePollInterval).
    [Theory]
    [InlineData("ClaimRoom")]
    [InlineData("PostAgentMessage")]
    [InlineData("TransferRoom")]
    [InlineData("SetUserId")]
    public void Metadata_FunctionThatRaisesWebhookEvents_BindsTheDurableClient(string function)
    {
        Assert.Contains(Bindings(Function(function)), b => Type(b) == "durableClient");
    }

    [Fact]
    public void Metadata_RoomOrchestrator_HasAnOrchestrationTrigger()
    {
        var trigger = Assert.Single(Bindings(Function(nameof(RoomOrchestrator))), b => Type(b) == "orchestrationTrigger");
        Assert.Equal("In", trigger.GetProperty("direction").GetString());
    }

    [Theory]
    [InlineData(nameof(StartRoomActivity))]
    [InlineData(nameof(ReadVisitorInputsActivity))]
    [InlineData(nameof(ResumeDeferredRoomActivity))]
    [InlineData(nameof(SweepExpiredDataActivity))]
    [InlineData(nameof(SendBotMessagesActivity))]
    [InlineData(nameof(TransferRoomActivity))]
    [InlineData(nameof(Livechat.Core.Webhooks.CallWebhookActivity))]
    public void Metadata_RoomActivity_HasAnActivityTriggerNamedAsTheOrchestratorCallsIt(string activity)
    {
        Assert.Single(Bindings(Function(activity)), b => Type(b) == "activityTrigger");
    }

    [Fact]
    public void HostJson_NextToMetadata_IsTheRepositoryRootHostJson()
    {
        var built = File.ReadAllText(Path.Combine(AppDirectory, "host.json"));
        var root = File.ReadAllText(Path.Combine(RepositoryRoot(), "host.json"));

        Assert.Equal(root, built);
    }

    [Fact]
    public void HostJson_DurableTask_TakesTheHubNameFromTheTaskHubNameSetting()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppDirectory, "host.json")));

        var durableTask = host.RootElement.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal("%TaskHubName%", durableTask.GetProperty("hubName").GetString());
    }

    /// <summary>Whether an ASP.NET route template (literals, {x}, {x?}, {*x}) matches a URL path.</summary>
    private static bool Matches(string template, string path)
    {
        var pattern = string.Join("/", template.Split('/').Select(segment => segment switch
        {
            ['{', '*', ..] => ".*",
            ['{', .., '?', '}'] => "[^/]*",
            ['{', ..] => "[^/]+",
            _ => System.Text.RegularExpressions.Regex.Escape(segment),
        }));
        return System.Text.RegularExpressions.Regex.IsMatch(path, $"^{pattern.Replace("/.*", "(/.*)?").Replace("/[^/]*", "(/[^/]*)?")}$");
    }

    private static JsonElement Function(string name) =>
        Assert.Single(Functions.Value, f => f.GetProperty("name").GetString() == name);

    private static IEnumerable<JsonElement> Bindings(JsonElement function) => function.GetProperty("bindings").EnumerateArray();

    private static string? Type(JsonElement binding) => binding.GetProperty("type").GetString();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Functions.sln above {AppContext.BaseDirectory}.");
    }
}
