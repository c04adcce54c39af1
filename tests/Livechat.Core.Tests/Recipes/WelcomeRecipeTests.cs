using Livechat.Core.Recipes;
using Livechat.Core.Rooms;

namespace Livechat.Core.Tests.Recipes;

/// <summary>The recipe a new deployment greets visitors with: valid, in the widget's languages, with a way to a person.</summary>
public sealed class WelcomeRecipeTests
{
    [Fact]
    public void Create_IsAValidRecipe() => Assert.Null(RecipeValidator.Validate(WelcomeRecipe.Create()));

    [Theory]
    [InlineData(null, "How can we help you today?", "Talk to a person")]
    [InlineData("de-DE", "Wie können wir Ihnen heute helfen?", "Mit einer Person sprechen")]
    [InlineData("fr", "Comment pouvons-nous vous aider aujourd’hui ?", "Parler à une personne")]
    [InlineData("es", "¿Cómo podemos ayudarte hoy?", "Hablar con una persona")]
    [InlineData("ar", "كيف يمكننا مساعدتك اليوم؟", "التحدث إلى شخص")]
    public void Start_InTheVisitorsLanguage_GreetsAndOffersAPerson(string? language, string menu, string person)
    {
        var step = RecipeInterpreter.Start(WelcomeRecipe.Create(), FlowVariables.Empty with { Language = language });

        Assert.Equal(2, step.Messages.Count);
        Assert.Equal(menu, step.Messages[1].Text);
        Assert.Equal(new ChatButton("agent", person), step.Messages[1].Buttons[^1]);
    }

    [Fact]
    public void TalkToAPerson_TransfersToThePagesDepartment()
    {
        var step = RecipeInterpreter.Continue(WelcomeRecipe.Create(), FlowVariables.Empty with { Department = "billing" }, "menu",
            new VisitorInput(3, "Talk to a person", "agent"));

        Assert.True(step.Transferred);
        Assert.Equal("billing", step.TransferDepartment);
    }
}
