using System.Text.Json;
using Livechat.Core.Common;

namespace Livechat.Core.Recipes;

/// <summary>
/// The editor's calls: a draft per recipe that may be incomplete, published through the same validator as every
/// other save into a new immutable version, and the version history with what each version changed. Saving a draft
/// under a new id is how the dashboard creates a recipe: it has no version until it is published.
/// </summary>
public sealed class RecipeDraftHandler(IRecipeStore recipes, TimeProvider time)
{
    /// <summary>
    /// A draft is stored as one table string property (at most 64 KiB, UTF-16: 32,768 characters), so a larger one is
    /// refused here rather than failing in storage.
    /// </summary>
    public const int MaxDraftCharacters = 30_000;

    /// <summary>Stores the editor's work without publishing; the validator's findings come back beside it.</summary>
    public async Task<Outcome<RecipeDraftView>> SaveAsync(string recipeId, RecipeDefinition definition, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(recipeId, 64)) return Problem.Invalid("recipeId", "1 to 64 letters, digits, '-', '_' or '.'.");
        if (definition.Id is not null && definition.Id != recipeId) return Problem.Invalid("id", "Must match the recipe id in the URL, or be left out.");
        if (definition.Blocks is { Count: > RecipeValidator.MaxBlocks }) return Problem.TooLarge("blocks", $"At most {RecipeValidator.MaxBlocks} blocks.");
        var recipe = definition.ToRecipe(recipeId);
        if (JsonSerializer.Serialize(recipe, LivechatJson.Options).Length > MaxDraftCharacters)
            return Problem.TooLarge("blocks", $"The draft is over {MaxDraftCharacters} characters of JSON.");

        var head = await recipes.GetHeadAsync(recipeId, cancellationToken);
        var saved = await recipes.SaveDraftAsync(new RecipeDraft(recipe, time.GetUtcNow()), cancellationToken);
        return View(saved.Recipe, head, saved);
    }

    /// <summary>The draft, or the newest version when there is no draft (what the editor starts from).</summary>
    public async Task<Outcome<RecipeDraftView>> GetAsync(string recipeId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(recipeId, 64)) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        var draft = await recipes.GetDraftAsync(recipeId, cancellationToken);
        var head = await recipes.GetHeadAsync(recipeId, cancellationToken);
        if (draft is null && head is null) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        return View(draft?.Recipe ?? head!.Latest, head, draft);
    }

    /// <summary>
    /// Validates the draft as a save of the recipe would be (400 naming <c>blocks.ID.field</c>), then makes it the next
    /// version and clears it. Rooms already running keep the version they started with.
    /// </summary>
    public async Task<Outcome<RecipeView>> PublishAsync(string recipeId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(recipeId, 64)) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        var draft = await recipes.GetDraftAsync(recipeId, cancellationToken);
        var head = await recipes.GetHeadAsync(recipeId, cancellationToken);
        if (draft is null)
            return head is null
                ? Problem.NotFound($"Recipe '{recipeId}'", "recipeId")
                : Problem.Conflict("There is no draft to publish.", $"Version {head.Latest.Version} is the newest; save a draft first.");
        var recipe = draft.Recipe with { Id = recipeId, Version = 0 };
        if (RecipeValidator.Validate(recipe) is { } problem) return problem;
        var published = await recipes.PublishDraftAsync(recipe, draft.ETag ?? "", cancellationToken);
        if (published is null) return Problem.Conflict("The draft changed while it was being published.", "Publish again to publish the newest draft.");
        return RecipeView.Of(published, head?.Public ?? false);
    }

    /// <summary>The versions, newest first, each with what it changed against the one before.</summary>
    public async Task<Outcome<RecipeVersionList>> ListVersionsAsync(string recipeId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(recipeId, 64)) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        var versions = await recipes.ListVersionsAsync(recipeId, cancellationToken);
        if (versions.Count == 0 && await recipes.GetDraftAsync(recipeId, cancellationToken) is null) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        var ordered = versions.OrderBy(v => v.Recipe.Version).ToList();
        var list = ordered.Select((v, i) => new RecipeVersionSummary(
                v.Recipe.Version, v.Recipe.Name, v.Recipe.StartBlockId, v.Recipe.Blocks.Count, v.PublishedAt,
                RecipeChanges.Between(i == 0 ? null : ordered[i - 1].Recipe, v.Recipe)))
            .Reverse()
            .ToList();
        return new RecipeVersionList(recipeId, list);
    }

    private static RecipeDraftView View(Recipe recipe, RecipeHead? head, RecipeDraft? draft) =>
        new(recipe.Id, recipe.Name, recipe.StartBlockId, recipe.Blocks, head?.Latest.Version, head?.Public ?? false, draft is not null,
            draft?.UpdatedAt, Findings(recipe));

    /// <summary>What a publish would refuse, so the editor shows it on the blocks before anyone presses Publish.</summary>
    private static IReadOnlyDictionary<string, string[]> Findings(Recipe recipe) =>
        RecipeValidator.Validate(recipe with { Version = 0 })?.Errors ?? new Dictionary<string, string[]>();
}
