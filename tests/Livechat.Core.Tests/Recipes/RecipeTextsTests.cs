using Livechat.Core.Recipes;
using Livechat.Core.Rooms;

namespace Livechat.Core.Tests.Recipes;

public sealed class RecipeTextsTests
{
    private static readonly RecipeBlock Menu = new()
    {
        Id = "menu",
        Type = BlockTypes.Buttons,
        Text = "How can we help?",
        Buttons = [new RecipeButton("pricing", "Pricing", "pricing"), new RecipeButton("support", "Support", "end")],
        Variants = new Dictionary<string, BlockVariant>
        {
            ["de"] = new() { Text = "Wie können wir helfen?", Buttons = ["Preise", "Hilfe"] },
            ["de-CH"] = new() { Text = "Wie chönd mir hälfe?" },
            ["es"] = new() { Buttons = ["Precios", "Soporte"] },
        },
    };

    private static Recipe Flow() => new()
    {
        Id = "r1",
        Name = "R",
        StartBlockId = "greet",
        Blocks =
        [
            new RecipeBlock { Id = "greet", Type = BlockTypes.Message, Text = "Hello {{name}}!", Next = "menu",
                Variants = new Dictionary<string, BlockVariant> { ["de"] = new() { Text = "Hallo {{name}}!" } } },
            Menu,
            new RecipeBlock { Id = "pricing", Type = BlockTypes.Ask, Ask = AskKinds.Email, Text = "Your e-mail?", InvalidText = "Not an e-mail.", Next = "end",
                Variants = new Dictionary<string, BlockVariant> { ["de"] = new() { Text = "Ihre E-Mail?", InvalidText = "Keine E-Mail-Adresse." } } },
            new RecipeBlock { Id = "end", Type = BlockTypes.End, Text = "Bye" },
        ],
    };

    private static FlowVariables In(string? language) => FlowVariables.Empty with { Language = language, UserParams = new Core.Sessions.UserParams("Ada", null, null) };

    [Fact]
    public void Text_ExactTag_PicksItsVariant() => Assert.Equal("Wie chönd mir hälfe?", RecipeTexts.Text(Menu, "de-CH"));

    [Fact]
    public void Text_RegionWithoutVariant_FallsBackToThePrimarySubtag() => Assert.Equal("Wie können wir helfen?", RecipeTexts.Text(Menu, "de-AT"));

    [Fact]
    public void Text_TagInAnotherCase_StillMatches() => Assert.Equal("Wie können wir helfen?", RecipeTexts.Text(Menu, "DE"));

    [Theory]
    [InlineData("fr")]
    [InlineData(null)]
    [InlineData("")]
    public void Text_NoVariantForTheLanguage_IsTheDefault(string? language) => Assert.Equal("How can we help?", RecipeTexts.Text(Menu, language));

    [Fact]
    public void Text_VariantWithoutThatField_IsTheDefault() => Assert.Equal("How can we help?", RecipeTexts.Text(Menu, "es"));

    [Fact]
    public void Buttons_ExactVariantWithoutLabels_TakesThePrimarySubtagsLabels()
    {
        var buttons = RecipeTexts.Buttons(Menu, "de-CH");
        Assert.Equal([new ChatButton("pricing", "Preise"), new ChatButton("support", "Hilfe")], buttons);
    }

    [Fact]
    public void Buttons_NoVariant_AreTheDefaultLabels() =>
        Assert.Equal(["Pricing", "Support"], RecipeTexts.Buttons(Menu, "fr").Select(b => b.Label));

    [Fact]
    public void Start_GermanVisitor_GetsGermanGreetingAndButtons()
    {
        var step = RecipeInterpreter.Start(Flow(), In("de-DE"));
        Assert.Equal(["Hallo Ada!", "Wie können wir helfen?"], step.Messages.Select(m => m.Text));
        Assert.Equal(["Preise", "Hilfe"], step.Messages[1].Buttons.Select(b => b.Label));
        Assert.Equal(["pricing", "support"], step.Messages[1].Buttons.Select(b => b.Id));
    }

    [Fact]
    public void Start_FrenchVisitorWithoutFrenchVariants_GetsTheDefaultTexts()
    {
        var step = RecipeInterpreter.Start(Flow(), In("fr"));
        Assert.Equal(["Hello Ada!", "How can we help?"], step.Messages.Select(m => m.Text));
        Assert.Equal(["Pricing", "Support"], step.Messages[1].Buttons.Select(b => b.Label));
    }

    [Fact]
    public void Continue_TypedGermanLabel_ChoosesThatButton()
    {
        var step = RecipeInterpreter.Continue(Flow(), In("de"), "menu", new VisitorInput(3, "preise", null));
        Assert.Equal("pricing", step.WaitingBlockId);
        Assert.Equal("Ihre E-Mail?", Assert.Single(step.Messages).Text);
    }

    [Fact]
    public void Continue_UnknownChoice_RepeatsTheButtonsInTheVisitorsLanguage()
    {
        var step = RecipeInterpreter.Continue(Flow(), In("de"), "menu", new VisitorInput(3, "vielleicht", null));
        var reask = Assert.Single(step.Messages);
        Assert.Equal("Bitte wählen Sie eine der Optionen unten.", reask.Text);
        Assert.Equal(["Preise", "Hilfe"], reask.Buttons.Select(b => b.Label));
    }

    [Theory]
    [InlineData("fr-CA", "Cela ne ressemble pas à une adresse e-mail. Veuillez réessayer.")]
    [InlineData("ar", "لا يبدو هذا عنوان بريد إلكتروني. يرجى المحاولة مرة أخرى.")]
    [InlineData("nl", "That doesn't look like an e-mail address. Please try again.")]
    [InlineData(null, "That doesn't look like an e-mail address. Please try again.")]
    public void Continue_InvalidAnswerWithoutInvalidText_SaysTheInterpretersLineInTheWidgetsLanguages(string? language, string expected)
    {
        var recipe = Flow() with { Blocks = [.. Flow().Blocks.Select(b => b.Id == "pricing" ? b with { InvalidText = null, Variants = null } : b)] };
        var step = RecipeInterpreter.Continue(recipe, In(language), "pricing", new VisitorInput(4, "no mail", null));
        Assert.Equal(expected, Assert.Single(step.Messages).Text);
    }

    [Fact]
    public void Continue_InvalidAnswer_SaysTheVariantsInvalidText()
    {
        var step = RecipeInterpreter.Continue(Flow(), In("de"), "pricing", new VisitorInput(4, "no mail", null));
        Assert.Equal("Keine E-Mail-Adresse.", Assert.Single(step.Messages).Text);
    }
}
