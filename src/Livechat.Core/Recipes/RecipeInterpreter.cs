using Livechat.Core.CustomFields;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using System.Text.RegularExpressions;

namespace Livechat.Core.Recipes;

/// <summary>
/// Runs a recipe: pure and deterministic, so the room orchestration calls it directly, also during replay. It
/// walks blocks until the flow must wait for the visitor, needs a webhook's answer, hands over to an agent or ends.
/// </summary>
public static partial class RecipeInterpreter
{
    /// <summary>Guards against a recipe that would loop without ever waiting for the visitor.</summary>
    public const int MaxBlocksPerStep = 50;

    public const string ChooseAnOptionText = "Please choose one of the options below.";

    public static FlowStep Start(Recipe recipe, FlowVariables variables) => Run(recipe, variables, recipe.StartBlockId, [], []);

    /// <summary>Continues the flow with the visitor's reply to the block that was waiting.</summary>
    public static FlowStep Continue(Recipe recipe, FlowVariables variables, string? waitingBlockId, VisitorInput input)
    {
        var block = recipe.Find(waitingBlockId);
        switch (block?.Type)
        {
            case BlockTypes.Buttons:
                var buttons = block.Buttons ?? [];
                var shown = RecipeTexts.Buttons(block, variables.Language);
                // A typed answer counts when it is a button's label, as shown to the visitor or in the default language.
                var chosen = buttons.FirstOrDefault(b => b.Id == input.ButtonId)
                    ?? buttons.Where((b, i) => string.Equals(shown[i].Label, input.Text?.Trim(), StringComparison.OrdinalIgnoreCase)).FirstOrDefault()
                    ?? buttons.FirstOrDefault(b => string.Equals(b.Label, input.Text?.Trim(), StringComparison.OrdinalIgnoreCase));
                return chosen is null
                    ? Wait(block, variables, [new BotMessage(block.Id, FlowLines.For(variables.Language).ChooseAnOption, shown)], [])
                    : Run(recipe, variables, chosen.Next, [], []);

            case BlockTypes.Ask:
                var answer = input.Text?.Trim() ?? "";
                if (!IsValidAnswer(block.Ask!, answer))
                    return Wait(block, variables, [new BotMessage(block.Id, Render(RecipeTexts.InvalidText(block, variables.Language) ?? InvalidAnswerText(block.Ask!, variables.Language), variables), [])], []);
                var save = new FlowSave(AskTarget(block), answer, block.Scope ?? FieldScope.Room);
                return Run(recipe, variables.With(save), block.Next, [], [save]);

            default:
                return new FlowStep([], block?.Id, false) { Variables = variables };
        }
    }

    /// <summary>Continues after a webhook block: the receiver's choice of block, else Next; OnFailure when it failed.</summary>
    public static FlowStep AfterWebhook(Recipe recipe, FlowVariables variables, string webhookBlockId, WebhookOutcome outcome)
    {
        var block = recipe.Find(webhookBlockId);
        if (block is null) return new FlowStep([], null, false) { Variables = variables };
        if (!outcome.Succeeded) return Run(recipe, variables, block.OnFailure, [], []);
        foreach (var save in outcome.Saves ?? []) variables = variables.With(save);
        var next = outcome.Next is not null && recipe.Find(outcome.Next) is not null ? outcome.Next : block.Next;
        return Run(recipe, variables, next, [], []);
    }

    /// <summary>Replaces {{name}}, {{email}}, {{phone}} and {{field.KEY}} with what the flow knows; unknown ones with nothing.</summary>
    public static string Render(string text, FlowVariables variables) =>
        Placeholder().Replace(text, m =>
        {
            var key = m.Groups[1].Value;
            return variables.Get(key.StartsWith("field.", StringComparison.Ordinal) ? key[6..] : key) ?? "";
        });

    private static FlowStep Run(Recipe recipe, FlowVariables variables, string? blockId, List<BotMessage> messages, List<FlowSave> saves)
    {
        for (var steps = 0; blockId is not null && steps < MaxBlocksPerStep; steps++)
        {
            var block = recipe.Find(blockId);
            if (block is null) break;
            switch (block.Type)
            {
                case BlockTypes.Message:
                    messages.Add(new BotMessage(block.Id, Render(TextOf(block, variables), variables), []));
                    blockId = block.Next;
                    break;
                case BlockTypes.Buttons:
                    messages.Add(new BotMessage(block.Id, Render(TextOf(block, variables), variables), RecipeTexts.Buttons(block, variables.Language)));
                    return Wait(block, variables, messages, saves);
                case BlockTypes.Ask:
                    if (!string.IsNullOrEmpty(variables.Get(AskTarget(block))))
                    {
                        blockId = block.Next; // already known: the page set it, or an earlier block asked
                        break;
                    }
                    messages.Add(new BotMessage(block.Id, Render(TextOf(block, variables), variables), []));
                    return Wait(block, variables, messages, saves);
                case BlockTypes.Condition:
                    blockId = Holds(block, variables) ? block.Then : block.Else;
                    break;
                case BlockTypes.Webhook:
                    return new FlowStep(messages, null, false) { Saves = saves, Variables = variables, WebhookBlockId = block.Id };
                case BlockTypes.Transfer:
                    if (!string.IsNullOrEmpty(TextOf(block, variables))) messages.Add(new BotMessage(block.Id, Render(TextOf(block, variables), variables), []));
                    return new FlowStep(messages, null, false)
                    {
                        Saves = saves, Variables = variables, Transferred = true, TransferDepartment = block.Department ?? variables.Department,
                    };
                case BlockTypes.End:
                    if (!string.IsNullOrEmpty(TextOf(block, variables))) messages.Add(new BotMessage(block.Id, Render(TextOf(block, variables), variables), []));
                    return new FlowStep(messages, null, true) { Saves = saves, Variables = variables };
                default:
                    blockId = null;
                    break;
            }
        }
        return new FlowStep(messages, null, false) { Saves = saves, Variables = variables };
    }

    private static FlowStep Wait(RecipeBlock block, FlowVariables variables, List<BotMessage> messages, List<FlowSave> saves) =>
        new(messages, block.Id, false) { Saves = saves, Variables = variables };

    private static string AskTarget(RecipeBlock block) => block.Ask == AskKinds.Text ? block.Field! : block.Ask!;

    private static bool IsValidAnswer(string kind, string answer) => kind switch
    {
        AskKinds.Name => answer.Length is > 0 and <= 100,
        AskKinds.Email => UserParamsValidator.IsEmail(answer),
        AskKinds.Phone => UserParamsValidator.IsPhone(answer),
        _ => answer.Length is > 0 and <= 1000,
    };

    private static string InvalidAnswerText(string kind, string? language) => kind switch
    {
        AskKinds.Email => FlowLines.For(language).NotAnEmail,
        AskKinds.Phone => FlowLines.For(language).NotAPhone,
        _ => FlowLines.For(language).TypeAnAnswer,
    };

    private static bool Holds(RecipeBlock block, FlowVariables variables)
    {
        var actual = variables.Get(block.Field ?? "");
        return block.Operator switch
        {
            ConditionOperators.Set => !string.IsNullOrEmpty(actual),
            ConditionOperators.NotSet => string.IsNullOrEmpty(actual),
            ConditionOperators.EqualsValue => string.Equals(actual, block.Value, StringComparison.OrdinalIgnoreCase),
            ConditionOperators.Contains => actual is not null && block.Value is not null && actual.Contains(block.Value, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>The block's text in the visitor's language (<see cref="RecipeTexts"/>).</summary>
    private static string TextOf(RecipeBlock block, FlowVariables variables) => RecipeTexts.Text(block, variables.Language) ?? "";

    [GeneratedRegex(@"\{\{\s*(name|email|phone|field\.[A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
