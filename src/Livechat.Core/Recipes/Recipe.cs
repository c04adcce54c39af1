namespace Livechat.Core.Recipes;

/// <summary>
/// A bot flow: a graph of blocks entered at <see cref="StartBlockId"/>. Each saved edit is a new immutable
/// <see cref="Version"/>; a room keeps running the version it started with.
/// </summary>
public sealed record Recipe
{
    public required string Id { get; init; }
    public int Version { get; init; }
    public required string Name { get; init; }
    public required string StartBlockId { get; init; }
    public required IReadOnlyList<RecipeBlock> Blocks { get; init; }

    public RecipeBlock? Find(string? blockId) => blockId is null ? null : Blocks.FirstOrDefault(b => b.Id == blockId);
}
