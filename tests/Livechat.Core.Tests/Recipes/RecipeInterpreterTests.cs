using Livechat.Core.Recipes;
using Livechat.Core.Rooms;

namespace Livechat.Core.Tests.Recipes;

public sealed class RecipeInterpreterTests
{
    private static readonly Recipe Shop = new()
    {
        Id = "shop",
        Version = 1,
        Name = "Shop",
        StartBlockId = "hello",
        Blocks =
        [
            new RecipeBlock { Id = "hello", Type = BlockTypes.Message, Text = "Hello!", Next = "intro" },
            new RecipeBlock { Id = "intro", Type = BlockTypes.Message, Text = "I am the shop bot.", Next = "menu" },
            new RecipeBlock
            {
                Id = "menu",
                Type = BlockTypes.Buttons,
                Text = "What do you need?",
                Buttons = [new RecipeButton("track", "Track my order", "tracking"), new RecipeButton("bye", "Goodbye", "end")],
            },
            new RecipeBlock { Id = "tracking", Type = BlockTypes.Message, Text = "Your order is on its way.", Next = "menu" },
            new RecipeBlock { Id = "end", Type = BlockTypes.End, Text = "Thanks, bye!" },
            new RecipeBlock { Id = "never", Type = BlockTypes.Message, Text = "Nobody reaches this." },
        ],
    };

    [Fact]
    public void Start_MessagesThenButtons_SendsEachMessageAndWaitsAtButtons()
    {
        var step = RecipeInterpreter.Start(Shop, FlowVariables.Empty);

        Assert.Equal(["Hello!", "I am the shop bot.", "What do you need?"], step.Messages.Select(m => m.Text));
        Assert.Equal(["hello", "intro", "menu"], step.Messages.Select(m => m.BlockId));
        Assert.Empty(step.Messages[0].Buttons);
        Assert.Empty(step.Messages[1].Buttons);
        Assert.Equal([new ChatButton("track", "Track my order"), new ChatButton("bye", "Goodbye")], step.Messages[2].Buttons);
        Assert.Equal("menu", step.WaitingBlockId);
        Assert.False(step.Ended);
    }

    [Fact]
    public void Continue_ButtonClickedById_ContinuesAtTheButtonsNextBlock()
    {
        var step = RecipeInterpreter.Continue(Shop, FlowVariables.Empty, "menu", new VisitorInput(1, "Track my order", "track"));

        Assert.Equal(["Your order is on its way.", "What do you need?"], step.Messages.Select(m => m.Text));
        Assert.Equal("menu", step.WaitingBlockId);
        Assert.False(step.Ended);
    }

    [Theory]
    [InlineData("Track my order")]
    [InlineData("track MY ORDER")]
    [InlineData("  Track my order  ")]
    public void Continue_TextEqualToLabelIgnoringCase_ContinuesAtTheButtonsNextBlock(string text)
    {
        var step = RecipeInterpreter.Continue(Shop, FlowVariables.Empty, "menu", new VisitorInput(1, text, null));

        Assert.Equal("Your order is on its way.", step.Messages[0].Text);
        Assert.Equal("menu", step.WaitingBlockId);
    }

    [Theory]
    [InlineData("Where is my parcel?", null)]
    [InlineData("Track", null)]
    [InlineData("Goodbye please", "no-such-button")]
    public void Continue_UnknownChoice_ReasksWithTheSameButtons(string text, string? buttonId)
    {
        var step = RecipeInterpreter.Continue(Shop, FlowVariables.Empty, "menu", new VisitorInput(1, text, buttonId));

        var message = Assert.Single(step.Messages);
        Assert.Equal(RecipeInterpreter.ChooseAnOptionText, message.Text);
        Assert.StartsWith("Please choose", message.Text);
        Assert.Equal("menu", message.BlockId);
        Assert.Equal([new ChatButton("track", "Track my order"), new ChatButton("bye", "Goodbye")], message.Buttons);
        Assert.Equal("menu", step.WaitingBlockId);
        Assert.False(step.Ended);
    }

    [Fact]
    public void Continue_ButtonLeadingToEndBlock_SendsItsTextAndEnds()
    {
        var step = RecipeInterpreter.Continue(Shop, FlowVariables.Empty, "menu", new VisitorInput(2, "Goodbye", "bye"));

        Assert.Equal(["Thanks, bye!"], step.Messages.Select(m => m.Text));
        Assert.Null(step.WaitingBlockId);
        Assert.True(step.Ended);
    }

    [Fact]
    public void Start_EndBlockWithoutText_EndsWithoutMessage()
    {
        var recipe = new Recipe
        {
            Id = "short",
            Name = "Short",
            StartBlockId = "hi",
            Blocks =
            [
                new RecipeBlock { Id = "hi", Type = BlockTypes.Message, Text = "We are closed today.", Next = "stop" },
                new RecipeBlock { Id = "stop", Type = BlockTypes.End },
            ],
        };

        var step = RecipeInterpreter.Start(recipe, FlowVariables.Empty);

        Assert.Equal(["We are closed today."], step.Messages.Select(m => m.Text));
        Assert.True(step.Ended);
        Assert.Null(step.WaitingBlockId);
    }

    [Fact]
    public void Start_RecipeLoopingWithoutWaiting_StopsAfterMaxBlocksPerStep()
    {
        var recipe = new Recipe
        {
            Id = "loop",
            Name = "Loop",
            StartBlockId = "a",
            Blocks =
            [
                new RecipeBlock { Id = "a", Type = BlockTypes.Message, Text = "ping", Next = "b" },
                new RecipeBlock { Id = "b", Type = BlockTypes.Message, Text = "pong", Next = "a" },
            ],
        };

        var step = RecipeInterpreter.Start(recipe, FlowVariables.Empty);

        Assert.Equal(RecipeInterpreter.MaxBlocksPerStep, step.Messages.Count);
        Assert.Null(step.WaitingBlockId);
        Assert.False(step.Ended);
    }

    [Fact]
    public void Start_WelcomeRecipe_GreetsAndOffersItsThreeButtons()
    {
        var step = RecipeInterpreter.Start(WelcomeRecipe.Create(), FlowVariables.Empty);

        Assert.Equal(2, step.Messages.Count);
        Assert.Empty(step.Messages[0].Buttons);
        Assert.False(string.IsNullOrWhiteSpace(step.Messages[0].Text));
        Assert.Equal(["Pricing", "Support", "Talk to a person"], step.Messages[1].Buttons.Select(b => b.Label));
        Assert.Equal("menu", step.WaitingBlockId);
        Assert.False(step.Ended);
    }

    [Fact]
    public void Continue_WelcomeRecipePricing_AnswersAndOffersTheMenuAgain()
    {
        var step = RecipeInterpreter.Continue(WelcomeRecipe.Create(), FlowVariables.Empty, "menu", new VisitorInput(1, "Pricing", "pricing"));

        Assert.Equal(2, step.Messages.Count);
        Assert.Contains("$10", step.Messages[0].Text);
        Assert.Equal(["Pricing", "Support", "Talk to a person"], step.Messages[1].Buttons.Select(b => b.Label));
        Assert.Equal("menu", step.WaitingBlockId);
    }
}
