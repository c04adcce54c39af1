namespace Livechat.Core.Recipes;

/// <summary>A recipe as the dashboard sends it; the id comes from the body on create and from the route on update.</summary>
public sealed record RecipeDefinition(string? Id, string? Name, string? StartBlockId, List<RecipeBlock>? Blocks)
{
    public Recipe ToRecipe(string id) => new() { Id = id, Name = Name ?? "", StartBlockId = StartBlockId ?? "", Blocks = Blocks ?? [] };
}
