using Livechat.Core.Rooms;

namespace Livechat.Core.Recipes;

/// <summary>
/// Runs a recipe: pure and deterministic, so the room orchestration can call it directly during replay.
/// </summary>
public static class RecipeInterpreter
{
    /// <summary>Guards against a recipe that would loop without ever waiting for the visitor.</summary>
    public const int MaxBlocksPerStep = 50;

    public const string ChooseAnOptionText = "Please choose one of the options below.";

    public static FlowStep Start(Recipe recipe) => RunFrom(recipe, recipe.StartBlockId);

    /// <summary>Continues the flow with the visitor's reply to the block that was waiting.</summary>
    public static FlowStep Continue(Recipe recipe, string? waitingBlockId, VisitorInput input)
    {
        var block = recipe.Find(waitingBlockId);
        if (block is null) return new FlowStep([], null, false);

        if (block.Type == BlockTypes.Buttons)
        {
            var buttons = block.Buttons ?? [];
            var chosen = buttons.FirstOrDefault(b => b.Id == input.ButtonId)
                ?? buttons.FirstOrDefault(b => string.Equals(b.Label, input.Text?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
                return new FlowStep([new BotMessage(block.Id, ChooseAnOptionText, ToChatButtons(block))], block.Id, false);
            return RunFrom(recipe, chosen.Next);
        }

        return new FlowStep([], block.Id, false);
    }

    private static FlowStep RunFrom(Recipe recipe, string? blockId)
    {
        var messages = new List<BotMessage>();
        for (var steps = 0; blockId is not null && steps < MaxBlocksPerStep; steps++)
        {
            var block = recipe.Find(blockId);
            if (block is null) break;
            switch (block.Type)
            {
                case BlockTypes.Message:
                    messages.Add(new BotMessage(block.Id, block.Text ?? "", []));
                    blockId = block.Next;
                    break;
                case BlockTypes.Buttons:
                    messages.Add(new BotMessage(block.Id, block.Text ?? "", ToChatButtons(block)));
                    return new FlowStep(messages, block.Id, false);
                case BlockTypes.End:
                    if (!string.IsNullOrEmpty(block.Text)) messages.Add(new BotMessage(block.Id, block.Text, []));
                    return new FlowStep(messages, null, true);
                default:
                    blockId = null;
                    break;
            }
        }
        return new FlowStep(messages, null, false);
    }

    private static IReadOnlyList<ChatButton> ToChatButtons(RecipeBlock block) =>
        (block.Buttons ?? []).Select(b => new ChatButton(b.Id, b.Label)).ToList();
}
