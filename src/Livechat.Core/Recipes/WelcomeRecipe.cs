namespace Livechat.Core.Recipes;

/// <summary>The recipe a new deployment starts with, so the widget greets visitors before anyone builds a flow.</summary>
public static class WelcomeRecipe
{
    public const string Id = "welcome";

    public static Recipe Create() => new()
    {
        Id = Id,
        Name = "Welcome",
        StartBlockId = "greet",
        Blocks =
        [
            new RecipeBlock { Id = "greet", Type = BlockTypes.Message, Text = "Hi there! 👋 Welcome to our chat.", Next = "menu" },
            new RecipeBlock
            {
                Id = "menu",
                Type = BlockTypes.Buttons,
                Text = "How can we help you today?",
                Buttons = [new RecipeButton("pricing", "Pricing", "pricing"), new RecipeButton("support", "Support", "support")],
            },
            new RecipeBlock { Id = "pricing", Type = BlockTypes.Message, Text = "Our plans start at $10 a month. Anything else?", Next = "menu" },
            new RecipeBlock { Id = "support", Type = BlockTypes.Message, Text = "Our support team answers within one business day. Anything else?", Next = "menu" },
        ],
    };
}
