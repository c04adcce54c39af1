namespace Livechat.Core.Recipes;

/// <summary>
/// The editor's unpublished work on a recipe: any shape the JSON allows, complete or not, so a half-built flow can be
/// kept. Rooms never run it; publishing validates it and turns it into the next immutable version.
/// </summary>
public sealed record RecipeDraft(Recipe Recipe, DateTimeOffset UpdatedAt)
{
    /// <summary>Optimistic-concurrency tag of the stored draft; a publish removes only the draft it validated.</summary>
    public string? ETag { get; init; }
}
