using Livechat.Core.CustomFields;
using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;

namespace Livechat.Core.Tests.Recipes;

public sealed class RecipeBlocksTests
{
    private static Recipe Flow(params RecipeBlock[] blocks) => new() { Id = "r", Name = "R", StartBlockId = blocks[0].Id, Blocks = blocks };

    private static readonly FlowVariables Ada = new()
    {
        UserParams = new UserParams("Ada", null, null),
        UserFields = new Dictionary<string, string> { ["plan"] = "gold" },
        RoomFields = new Dictionary<string, string> { ["plan"] = "silver", ["page"] = "/pricing" },
    };

    [Fact]
    public void Render_Placeholders_UseParamsAndFieldsRoomScopeFirst()
    {
        var text = RecipeInterpreter.Render("Hi {{name}}, {{ field.plan }} on {{field.page}}; {{email}}{{field.none}}.", Ada);
        Assert.Equal("Hi Ada, silver on /pricing; .", text);
    }

    [Theory]
    [InlineData(AskKinds.Name, true)]
    [InlineData(AskKinds.Email, false)]
    public void Start_AskForAKnownParam_IsSkipped(string kind, bool skipped)
    {
        var recipe = Flow(
            new RecipeBlock { Id = "ask", Type = BlockTypes.Ask, Ask = kind, Text = "Tell me", Next = "done" },
            new RecipeBlock { Id = "done", Type = BlockTypes.End, Text = "Done" });

        var step = RecipeInterpreter.Start(recipe, Ada);

        Assert.Equal(skipped ? ["Done"] : ["Tell me"], step.Messages.Select(m => m.Text));
        Assert.Equal(skipped, step.Ended);
    }

    [Theory]
    [InlineData(AskKinds.Email, "ada@example", false)]
    [InlineData(AskKinds.Email, "ada@example.com", true)]
    [InlineData(AskKinds.Phone, "call me", false)]
    [InlineData(AskKinds.Phone, "+1 (555) 010-9999", true)]
    [InlineData(AskKinds.Name, "   ", false)]
    [InlineData(AskKinds.Name, "Grace", true)]
    public void Continue_Ask_ValidAnswerIsSavedInvalidIsReasked(string kind, string answer, bool valid)
    {
        var recipe = Flow(
            new RecipeBlock { Id = "ask", Type = BlockTypes.Ask, Ask = kind, Text = "?", Next = "thanks", InvalidText = kind == AskKinds.Name ? "Your name, please." : null },
            new RecipeBlock { Id = "thanks", Type = BlockTypes.Message, Text = "Thanks {{name}}" });

        var step = RecipeInterpreter.Continue(recipe, FlowVariables.Empty, "ask", new VisitorInput(3, answer, null));

        if (valid)
        {
            Assert.Equal(new FlowSave(kind, answer.Trim()), Assert.Single(step.Saves));
            Assert.Equal(answer.Trim(), step.Variables.Get(kind));
            Assert.Null(step.WaitingBlockId);
        }
        else
        {
            Assert.Empty(step.Saves);
            Assert.Equal("ask", step.WaitingBlockId);
            Assert.Single(step.Messages);
        }
    }

    [Fact]
    public void Continue_TextAsk_StoresTheAnswerInTheNamedFieldAndScope()
    {
        var recipe = Flow(new RecipeBlock { Id = "q", Type = BlockTypes.Ask, Ask = AskKinds.Text, Field = "orderNo", Scope = FieldScope.User, Text = "Order?" });

        var step = RecipeInterpreter.Continue(recipe, FlowVariables.Empty, "q", new VisitorInput(2, " A-123 ", null));

        Assert.Equal(new FlowSave("orderNo", "A-123", FieldScope.User), Assert.Single(step.Saves));
        Assert.Equal("A-123", step.Variables.UserFields["orderNo"]);
    }

    [Theory]
    [InlineData(ConditionOperators.EqualsValue, "plan", "SILVER", "yes")]
    [InlineData(ConditionOperators.EqualsValue, "plan", "gold", "no")]
    [InlineData(ConditionOperators.Contains, "page", "pric", "yes")]
    [InlineData(ConditionOperators.Set, "name", null, "yes")]
    [InlineData(ConditionOperators.Set, "email", null, "no")]
    [InlineData(ConditionOperators.NotSet, "missing", null, "yes")]
    public void Start_Condition_BranchesOnParamsAndFields(string op, string field, string? value, string expected)
    {
        var recipe = Flow(
            new RecipeBlock { Id = "c", Type = BlockTypes.Condition, Field = field, Operator = op, Value = value, Then = "yes", Else = "no" },
            new RecipeBlock { Id = "yes", Type = BlockTypes.End, Text = "yes" },
            new RecipeBlock { Id = "no", Type = BlockTypes.End, Text = "no" });

        Assert.Equal(expected, Assert.Single(RecipeInterpreter.Start(recipe, Ada).Messages).Text);
    }

    [Fact]
    public void Webhook_StopsTheStep_ThenFollowsTheReceiversChoiceOrNextOrFailure()
    {
        var recipe = Flow(
            new RecipeBlock { Id = "hi", Type = BlockTypes.Message, Text = "One moment", Next = "hook" },
            new RecipeBlock { Id = "hook", Type = BlockTypes.Webhook, Url = "https://example.com/hook", Next = "ok", OnFailure = "fail" },
            new RecipeBlock { Id = "ok", Type = BlockTypes.End, Text = "Status: {{field.status}}" },
            new RecipeBlock { Id = "vip", Type = BlockTypes.End, Text = "VIP" },
            new RecipeBlock { Id = "fail", Type = BlockTypes.End, Text = "Sorry" });

        var first = RecipeInterpreter.Start(recipe, FlowVariables.Empty);
        Assert.Equal("hook", first.WebhookBlockId);
        Assert.Equal(["One moment"], first.Messages.Select(m => m.Text));

        var ok = RecipeInterpreter.AfterWebhook(recipe, first.Variables, "hook", new WebhookOutcome(true, [new FlowSave("status", "shipped")]));
        Assert.Equal("Status: shipped", Assert.Single(ok.Messages).Text);
        var chosen = RecipeInterpreter.AfterWebhook(recipe, first.Variables, "hook", new WebhookOutcome(true, Next: "vip"));
        Assert.Equal("VIP", Assert.Single(chosen.Messages).Text);
        var unknownChoice = RecipeInterpreter.AfterWebhook(recipe, first.Variables, "hook", new WebhookOutcome(true, Next: "nope"));
        Assert.Equal("Status: ", Assert.Single(unknownChoice.Messages).Text);
        var failed = RecipeInterpreter.AfterWebhook(recipe, first.Variables, "hook", new WebhookOutcome(false, Error: "500"));
        Assert.Equal("Sorry", Assert.Single(failed.Messages).Text);
    }

    [Fact]
    public void Transfer_HandsOverToItsDepartmentOrTheRooms()
    {
        var withDepartment = Flow(new RecipeBlock { Id = "t", Type = BlockTypes.Transfer, Department = "billing", Text = "Connecting…" });
        var withoutDepartment = Flow(new RecipeBlock { Id = "t", Type = BlockTypes.Transfer });

        var step = RecipeInterpreter.Start(withDepartment, Ada with { Department = "sales" });
        var fallback = RecipeInterpreter.Start(withoutDepartment, Ada with { Department = "sales" });

        Assert.True(step.Transferred);
        Assert.Equal("billing", step.TransferDepartment);
        Assert.Equal(["Connecting…"], step.Messages.Select(m => m.Text));
        Assert.Equal("sales", fallback.TransferDepartment);
        Assert.Empty(fallback.Messages);
    }
}
