namespace Livechat.Core.Recipes;

/// <summary>
/// What the editor loads and gets back after a save: the draft (or the newest version when there is no draft), the
/// newest published version's number, and the validator's findings keyed <c>blocks.ID.field</c> as a refused publish
/// would name them (empty when it would publish).
/// </summary>
public sealed record RecipeDraftView(
    string Id,
    string Name,
    string StartBlockId,
    IReadOnlyList<RecipeBlock> Blocks,
    int? PublishedVersion,
    bool Public,
    bool Draft,
    DateTimeOffset? UpdatedAt,
    IReadOnlyDictionary<string, string[]> Errors);
