using System.Text.Json;
using Livechat.Core.Common;

namespace Livechat.Core.Recipes;

/// <summary>What a version changed against the one before it: block ids added, removed or edited, and the recipe's own fields.</summary>
public sealed record RecipeChanges(
    IReadOnlyList<string> BlocksAdded,
    IReadOnlyList<string> BlocksRemoved,
    IReadOnlyList<string> BlocksChanged,
    bool NameChanged,
    bool StartBlockChanged)
{
    /// <summary>The changes from <paramref name="before"/> (null: nothing before, so every block is added) to <paramref name="after"/>.</summary>
    public static RecipeChanges Between(Recipe? before, Recipe after)
    {
        var old = (before?.Blocks ?? []).GroupBy(b => b.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.Blocks.GroupBy(b => b.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new RecipeChanges(
            after.Blocks.Select(b => b.Id).Where(id => !old.ContainsKey(id)).Distinct().ToList(),
            (before?.Blocks ?? []).Select(b => b.Id).Where(id => !now.ContainsKey(id)).Distinct().ToList(),
            // Records compare their button lists by reference, so blocks are compared as the JSON they are stored as.
            now.Where(kv => old.TryGetValue(kv.Key, out var was) && Json(was) != Json(kv.Value)).Select(kv => kv.Key).ToList(),
            before is not null && before.Name != after.Name,
            before is not null && before.StartBlockId != after.StartBlockId);
    }

    private static string Json(RecipeBlock block) => JsonSerializer.Serialize(block, LivechatJson.Options);
}

/// <summary>One entry of a recipe's version list, newest first.</summary>
public sealed record RecipeVersionSummary(int Version, string Name, string StartBlockId, int BlockCount, DateTimeOffset PublishedAt, RecipeChanges Changes);

public sealed record RecipeVersionList(string RecipeId, IReadOnlyList<RecipeVersionSummary> Versions);
