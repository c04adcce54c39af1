using Livechat.Core.Common;
using Livechat.Core.CustomFields;

namespace Livechat.Core.Recipes;

/// <summary>
/// Checks a recipe before it is saved, so a broken flow never reaches a visitor: known block types, the fields
/// each type needs, references that lead to existing blocks, and no loop that never waits for the visitor.
/// Every error names the block (<c>blocks.ID.field</c>).
/// </summary>
public static class RecipeValidator
{
    public const int MaxBlocks = 200;
    public const int MaxButtons = 10;
    public const int MaxTextLength = 2000;

    public static Problem? Validate(Recipe recipe)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors.TryAdd(field, [message]);

        if (!Ids.IsSafe(recipe.Id, 64)) Error("id", "1 to 64 letters, digits, '-', '_' or '.'.");
        if (string.IsNullOrWhiteSpace(recipe.Name) || recipe.Name.Length > 100) Error("name", "1 to 100 characters.");
        if (recipe.Blocks is null || recipe.Blocks.Count == 0) Error("blocks", "At least one block.");
        else if (recipe.Blocks.Count > MaxBlocks) Error("blocks", $"At most {MaxBlocks} blocks.");
        if (errors.Count > 0) return Invalid(errors);

        var ids = new HashSet<string>();
        foreach (var block in recipe.Blocks!)
        {
            var at = $"blocks.{block.Id}";
            if (!Ids.IsSafe(block.Id, 64)) { Error($"blocks.{block.Id}.id", "1 to 64 letters, digits, '-', '_' or '.'."); continue; }
            if (!ids.Add(block.Id)) Error($"{at}.id", "Another block has this id.");
            if (!BlockTypes.All.Contains(block.Type ?? "")) { Error($"{at}.type", $"Unknown block type; one of: {string.Join(", ", BlockTypes.All)}."); continue; }
            if (block.Text is { Length: > MaxTextLength }) Error($"{at}.text", $"At most {MaxTextLength} characters.");
            switch (block.Type)
            {
                case BlockTypes.Message:
                    Require(block.Text, $"{at}.text");
                    break;
                case BlockTypes.Buttons:
                    Require(block.Text, $"{at}.text");
                    if (block.Buttons is null || block.Buttons.Count is 0 or > MaxButtons) Error($"{at}.buttons", $"1 to {MaxButtons} buttons.");
                    else if (block.Buttons.Any(b => !Ids.IsSafe(b.Id, 64) || string.IsNullOrWhiteSpace(b.Label) || b.Label.Length > 100))
                        Error($"{at}.buttons", "Each button needs an id (letters, digits, '-', '_', '.') and a label of 1 to 100 characters.");
                    else if (block.Buttons.Select(b => b.Id).Distinct().Count() != block.Buttons.Count) Error($"{at}.buttons", "Button ids must differ.");
                    break;
                case BlockTypes.Ask:
                    Require(block.Text, $"{at}.text");
                    if (!AskKinds.All.Contains(block.Ask ?? "")) Error($"{at}.ask", $"One of: {string.Join(", ", AskKinds.All)}.");
                    else if (block.Ask == AskKinds.Text && !FieldKeys.IsValid(block.Field)) Error($"{at}.field", "The custom field key the answer is stored in.");
                    break;
                case BlockTypes.Condition:
                    if (string.IsNullOrEmpty(block.Field) || (!AskKinds.All.Contains(block.Field) && !FieldKeys.IsValid(block.Field)))
                        Error($"{at}.field", "name, email, phone or a custom field key.");
                    if (!ConditionOperators.All.Contains(block.Operator ?? "")) Error($"{at}.operator", $"One of: {string.Join(", ", ConditionOperators.All)}.");
                    else if (block.Operator is ConditionOperators.EqualsValue or ConditionOperators.Contains) Require(block.Value, $"{at}.value");
                    Require(block.Then, $"{at}.then");
                    Require(block.Else, $"{at}.else");
                    break;
                case BlockTypes.Webhook:
                    if (!Uri.TryCreate(block.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                        Error($"{at}.url", "An absolute http or https URL.");
                    Require(block.OnFailure, $"{at}.onFailure");
                    break;
                case BlockTypes.Transfer:
                    if (block.Department is not null && !Ids.IsSafe(block.Department, 64)) Error($"{at}.department", "1 to 64 letters, digits, '-', '_' or '.'.");
                    break;
            }
            RecipeVariantValidator.Validate(block, at, Error);
        }
        if (!ids.Contains(recipe.StartBlockId ?? "")) Error("startBlockId", "Must name one of the blocks.");

        foreach (var block in recipe.Blocks!)
            foreach (var (field, target) in References(block))
                if (target is not null && !ids.Contains(target)) Error($"blocks.{block.Id}.{field}", $"Leads to '{target}', which is not a block.");

        if (errors.Count == 0 && FindLoopWithoutWait(recipe) is { } loop)
            Error($"blocks.{loop}", "This block is on a loop that never waits for the visitor (add a buttons or ask block to it).");
        return errors.Count == 0 ? null : Invalid(errors);

        void Require(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value)) Error(field, "Required.");
        }
    }

    private static Problem Invalid(Dictionary<string, string[]> errors) =>
        new(ProblemKind.Validation, "The recipe is not valid.", string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), errors);

    private static IEnumerable<(string Field, string? Target)> References(RecipeBlock block)
    {
        yield return ("next", block.Next);
        yield return ("then", block.Then);
        yield return ("else", block.Else);
        yield return ("onFailure", block.OnFailure);
        foreach (var button in block.Buttons ?? []) yield return ($"buttons.{button.Id}.next", button.Next);
    }

    /// <summary>A block on a cycle made only of blocks that do not wait for the visitor, or null.</summary>
    private static string? FindLoopWithoutWait(Recipe recipe)
    {
        var byId = recipe.Blocks.ToDictionary(b => b.Id);
        var state = new Dictionary<string, int>(); // 1 = on the current path, 2 = done
        foreach (var start in recipe.Blocks.Where(b => !BlockTypes.Waits(b.Type)))
            if (Visit(start.Id) is { } found) return found;
        return null;

        string? Visit(string id)
        {
            if (!byId.TryGetValue(id, out var block) || BlockTypes.Waits(block.Type)) return null;
            if (state.TryGetValue(id, out var s)) return s == 1 ? id : null;
            state[id] = 1;
            foreach (var (_, target) in References(block))
                if (target is not null && Visit(target) is { } found) return found;
            state[id] = 2;
            return null;
        }
    }
}
