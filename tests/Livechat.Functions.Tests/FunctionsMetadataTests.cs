using System.Text.Json;
using Livechat.Core.Rooms;

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
    [InlineData("GetWidgetScript", "widget.js", "get")]
    [InlineData("CreateSession", "v1/sessions", "post")]
    [InlineData("GetSession", "v1/session", "get")]
    [InlineData("Negotiate", "v1/negotiate", "post")]
    [InlineData("OpenRoom", "v1/rooms", "post")]
    [InlineData("ReadMessages", "v1/rooms/{roomId}/messages", "get")]
    [InlineData("PostMessage", "v1/rooms/{roomId}/messages", "post")]
    [InlineData("CloseRoom", "v1/rooms/{roomId}/close", "post")]
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
    [InlineData("ListAgentQueue", "v1/agent/queue", "get")]
    [InlineData("AgentNegotiate", "v1/agent/negotiate", "post")]
    [InlineData("ClaimRoom", "v1/agent/rooms/{roomId}/claim", "post")]
    [InlineData("ReadAgentMessages", "v1/agent/rooms/{roomId}/messages", "get")]
    [InlineData("PostAgentMessage", "v1/agent/rooms/{roomId}/messages", "post")]
    [InlineData("CloseAgentRoom", "v1/agent/rooms/{roomId}/close", "post")]
    [InlineData("IssueAgentToken", "v1/admin/agents/token", "post")]
    [InlineData("TransferRoom", "v1/admin/rooms/{roomId}/transfer", "post")]
    [InlineData("ListRecipes", "v1/admin/recipes", "get")]
    [InlineData("CreateRecipe", "v1/admin/recipes", "post")]
    [InlineData("GetRecipe", "v1/admin/recipes/{recipeId}", "get")]
    [InlineData("UpdateRecipe", "v1/admin/recipes/{recipeId}", "put")]
    [InlineData("DeleteRecipe", "v1/admin/recipes/{recipeId}", "delete")]
    [InlineData("SetDefaultRecipe", "v1/admin/default-recipe", "put")]
    public void Metadata_AgentOrAdminRoute_IsAnAnonymousHttpTrigger(string function, string route, string method) =>
        Metadata_VisitorRoute_IsAnAnonymousHttpTrigger(function, route, method);

    [Theory]
    [InlineData("OpenRoom")]
    [InlineData("PostMessage")]
    [InlineData("CloseRoom")]
    [InlineData("CloseAgentRoom")]
    public void Metadata_FunctionThatStartsOrSignalsRooms_BindsTheDurableClient(string function)
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
