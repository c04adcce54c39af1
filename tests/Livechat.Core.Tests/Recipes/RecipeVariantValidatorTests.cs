using Livechat.Core.Recipes;

namespace Livechat.Core.Tests.Recipes;

public sealed class RecipeVariantValidatorTests
{
    private static Recipe With(RecipeBlock block) => new()
    {
        Id = "r1",
        Name = "R",
        StartBlockId = block.Id,
        Blocks = [block, new RecipeBlock { Id = "done", Type = BlockTypes.End }],
    };

    private static RecipeBlock Menu(Dictionary<string, BlockVariant> variants) => new()
    {
        Id = "menu",
        Type = BlockTypes.Buttons,
        Text = "Pick one",
        Buttons = [new RecipeButton("a", "A", "done"), new RecipeButton("b", "B", "done")],
        Variants = variants,
    };

    private static IReadOnlyDictionary<string, string[]> Errors(Recipe recipe) => RecipeValidator.Validate(recipe)?.Errors ?? new Dictionary<string, string[]>();

    [Fact]
    public void Validate_RecipeWithoutVariants_StaysValid() => Assert.Null(RecipeValidator.Validate(WelcomeRecipe.Create()));

    [Fact]
    public void Validate_GoodVariants_AreValid() =>
        Assert.Null(RecipeValidator.Validate(With(Menu(new() { ["de"] = new() { Text = "Wähle", Buttons = ["Eins", "Zwei"] }, ["de-CH"] = new() { Text = "Wähl" } }))));

    [Fact]
    public void Validate_MalformedTag_NamesTheVariant() =>
        Assert.Contains("blocks.menu.variants.german", Errors(With(Menu(new() { ["german"] = new() { Text = "Wähle" } }))).Keys);

    [Fact]
    public void Validate_SameLanguageTwiceInAnotherCase_IsRefused() =>
        Assert.Contains("blocks.menu.variants.DE", Errors(With(Menu(new() { ["de"] = new() { Text = "Wähle" }, ["DE"] = new() { Text = "Wähl" } }))).Keys);

    [Fact]
    public void Validate_EmptyVariant_NamesIt() =>
        Assert.Contains("blocks.menu.variants.de", Errors(With(Menu(new() { ["de"] = new() }))).Keys);

    [Fact]
    public void Validate_BlankText_NamesTheField() =>
        Assert.Contains("blocks.menu.variants.de.text", Errors(With(Menu(new() { ["de"] = new() { Text = "  " } }))).Keys);

    [Fact]
    public void Validate_FewerLabelsThanButtons_NamesTheButtons()
    {
        var errors = Errors(With(Menu(new() { ["de"] = new() { Buttons = ["Eins"] } })));
        Assert.Contains("2 label(s)", Assert.Contains("blocks.menu.variants.de.buttons", errors)[0]);
    }

    [Fact]
    public void Validate_BlankLabel_NamesTheButtons() =>
        Assert.Contains("blocks.menu.variants.de.buttons", Errors(With(Menu(new() { ["de"] = new() { Buttons = ["Eins", ""] } }))).Keys);

    [Fact]
    public void Validate_LabelsOnAMessageBlock_AreRefused() =>
        Assert.Contains("blocks.hi.variants.de.buttons", Errors(With(new RecipeBlock
        {
            Id = "hi", Type = BlockTypes.Message, Text = "Hi", Next = "done",
            Variants = new Dictionary<string, BlockVariant> { ["de"] = new() { Text = "Hallo", Buttons = ["X"] } },
        })).Keys);

    [Fact]
    public void Validate_TextOnAConditionBlock_IsRefused() =>
        Assert.Contains("blocks.c.variants.fr.text", Errors(With(new RecipeBlock
        {
            Id = "c", Type = BlockTypes.Condition, Field = "name", Operator = ConditionOperators.Set, Then = "done", Else = "done",
            Variants = new Dictionary<string, BlockVariant> { ["fr"] = new() { Text = "Bonjour" } },
        })).Keys);

    [Fact]
    public void Validate_InvalidTextOnlyOnAsk()
    {
        var ask = new RecipeBlock
        {
            Id = "q", Type = BlockTypes.Ask, Ask = AskKinds.Email, Text = "Mail?", Next = "done",
            Variants = new Dictionary<string, BlockVariant> { ["de"] = new() { InvalidText = "Keine E-Mail." } },
        };
        Assert.Null(RecipeValidator.Validate(With(ask)));
        Assert.Contains("blocks.menu.variants.de.invalidText", Errors(With(Menu(new() { ["de"] = new() { InvalidText = "Nein" } }))).Keys);
    }

    [Fact]
    public void Validate_TooLongText_NamesTheField() =>
        Assert.Contains("blocks.menu.variants.es.text", Errors(With(Menu(new() { ["es"] = new() { Text = new string('x', RecipeValidator.MaxTextLength + 1) } }))).Keys);
}
