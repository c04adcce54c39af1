namespace Livechat.Core.Recipes;

/// <summary>A stored version and when it was written (versions are never changed afterwards).</summary>
public sealed record RecipeVersionRecord(Recipe Recipe, DateTimeOffset PublishedAt);
