using Livechat.Core.Recipes;

namespace Livechat.Core.Tests.Recipes;

public sealed class RecipeValidatorTests
{
    private static Recipe Flow(string start, params RecipeBlock[] blocks) => new() { Id = "r1", Name = "R", StartBlockId = start, Blocks = blocks };

    private static void AssertNames(Recipe recipe, string field)
    {
        var problem = RecipeValidator.Validate(recipe);
        Assert.NotNull(problem);
        Assert.True(problem.Errors!.ContainsKey(field), $"expected {field}, got {string.Join(", ", problem.Errors.Keys)}");
    }

    [Fact]
    public void Validate_WelcomeRecipe_IsValid() => Assert.Null(RecipeValidator.Validate(WelcomeRecipe.Create()));

    [Fact]
    public void Validate_UnknownBlockType_NamesTheBlock() =>
        AssertNames(Flow("a", new RecipeBlock { Id = "a", Type = "carousel" }), "blocks.a.type");

    [Fact]
    public void Validate_DanglingNext_NamesTheBlockAndField() =>
        AssertNames(Flow("a", new RecipeBlock { Id = "a", Type = BlockTypes.Message, Text = "x", Next = "ghost" }), "blocks.a.next");

    [Fact]
    public void Validate_DanglingButtonTarget_NamesTheButton() =>
        AssertNames(Flow("a", new RecipeBlock { Id = "a", Type = BlockTypes.Buttons, Text = "?", Buttons = [new RecipeButton("b1", "One", "ghost")] }), "blocks.a.buttons.b1.next");

    [Fact]
    public void Validate_LoopWithoutAnAsk_IsRefused() =>
        AssertNames(Flow("a",
            new RecipeBlock { Id = "a", Type = BlockTypes.Message, Text = "x", Next = "b" },
            new RecipeBlock { Id = "b", Type = BlockTypes.Condition, Field = "name", Operator = ConditionOperators.Set, Then = "a", Else = "a" }), "blocks.a");

    [Fact]
    public void Validate_LoopThroughAnAsk_IsAllowed() =>
        Assert.Null(RecipeValidator.Validate(Flow("a",
            new RecipeBlock { Id = "a", Type = BlockTypes.Message, Text = "x", Next = "b" },
            new RecipeBlock { Id = "b", Type = BlockTypes.Ask, Ask = AskKinds.Name, Text = "?", Next = "a" })));

    [Theory]
    [InlineData(BlockTypes.Message, "blocks.a.text")]
    [InlineData(BlockTypes.Buttons, "blocks.a.buttons")]
    [InlineData(BlockTypes.Ask, "blocks.a.ask")]
    [InlineData(BlockTypes.Condition, "blocks.a.operator")]
    [InlineData(BlockTypes.Webhook, "blocks.a.url")]
    public void Validate_MissingRequiredFields_NamesThem(string type, string field) =>
        AssertNames(Flow("a", new RecipeBlock { Id = "a", Type = type, Text = type == BlockTypes.Message ? null : "t" }), field);

    [Fact]
    public void Validate_TextAskWithoutField_NamesTheField() =>
        AssertNames(Flow("a", new RecipeBlock { Id = "a", Type = BlockTypes.Ask, Ask = AskKinds.Text, Text = "?" }), "blocks.a.field");

    [Fact]
    public void Validate_DuplicateIdsAndMissingStart_AreNamed()
    {
        var recipe = Flow("z",
            new RecipeBlock { Id = "a", Type = BlockTypes.End },
            new RecipeBlock { Id = "a", Type = BlockTypes.End });
        AssertNames(recipe, "blocks.a.id");
        AssertNames(recipe, "startBlockId");
    }
}
