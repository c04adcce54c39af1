using Livechat.Core.CustomFields;
using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Webhooks;

namespace Livechat.Core.Tests.Recipes;

/// <summary>What a recipe's conditions and a webhook's receiver can tell about who vouches for a value.</summary>
public sealed class FlowVariablesTests
{
    private static readonly Recipe Gate = new()
    {
        Id = "gate",
        Version = 1,
        Name = "Pro customers only",
        StartBlockId = "check",
        Blocks =
        [
            new RecipeBlock { Id = "check", Type = BlockTypes.Condition, Field = "server.plan", Operator = ConditionOperators.EqualsValue, Value = "pro", Then = "pro", Else = "basic" },
            new RecipeBlock { Id = "pro", Type = BlockTypes.End, Text = "Welcome, pro customer." },
            new RecipeBlock { Id = "basic", Type = BlockTypes.End, Text = "Hello." },
        ],
    };

    [Fact]
    public void AConditionOnServerPlan_IgnoresAPlanThePageSet()
    {
        var pageSaidPro = new FlowVariables { UserFields = new Dictionary<string, string> { ["plan"] = "pro" } };

        Assert.Equal("Hello.", Assert.Single(RecipeInterpreter.Start(Gate, pageSaidPro).Messages).Text);
        Assert.Equal("pro", pageSaidPro.Get("plan"));
    }

    [Fact]
    public void AConditionOnServerPlan_TrustsAPlanAWebhookReplySet()
    {
        var webhookSaidPro = FlowVariables.Empty.With(new FlowSave("plan", "pro", FieldScope.User) { Source = FieldSource.Server });

        Assert.Equal("Welcome, pro customer.", Assert.Single(RecipeInterpreter.Start(Gate, webhookSaidPro).Messages).Text);
        // The visitor typing over it later takes the trust away again.
        Assert.Null(webhookSaidPro.With(new FlowSave("plan", "pro", FieldScope.User)).Get("server.plan"));
    }

    [Fact]
    public void UserVerified_ReadsAsTrueOrFalse()
    {
        Assert.Equal("true", new FlowVariables { UserVerified = true }.Get(FlowVariables.UserVerifiedKey));
        Assert.Equal("false", FlowVariables.Empty.Get(FlowVariables.UserVerifiedKey));
    }

    [Fact]
    public void WebhookPayload_ListsWhatOnlyThePageVouchesFor()
    {
        var room = new Room
        {
            RoomId = "r-1", SessionId = "s-1", VisitorId = "v-1", RealtimeUserId = "v-v-1", RecipeId = "gate", RecipeVersion = 1,
            CreatedAt = DateTimeOffset.UnixEpoch, UserId = "bob", PageAsserted = [PageAssertions.UserId, PageAssertions.Department],
        };
        var known = new FlowVariables
        {
            UserParams = new UserParams(Name: "Bob"),
            UserFields = new Dictionary<string, string> { ["plan"] = "pro", ["tier"] = "gold" },
            RoomFields = new Dictionary<string, string> { ["topic"] = "billing" },
            ServerFields = ["user.tier"],
        };

        Assert.Equal(["userId", "department", "userParams", "fields.user.plan", "fields.room.topic"], WebhookPayload.Asserted(room, known));
    }

    [Fact]
    public void Variables_SurviveTheOrchestrationStatesJsonRoundTrip()
    {
        // They travel in RoomFlowState through the Durable engine's System.Text.Json converter.
        var variables = FlowVariables.Empty.With(new FlowSave("plan", "pro", FieldScope.User) { Source = FieldSource.Server }) with { UserVerified = true };
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);

        var read = System.Text.Json.JsonSerializer.Deserialize<FlowVariables>(System.Text.Json.JsonSerializer.Serialize(variables, options), options)!;

        Assert.Equal("pro", read.Get("server.plan"));
        Assert.Equal("true", read.Get(FlowVariables.UserVerifiedKey));
    }
}
