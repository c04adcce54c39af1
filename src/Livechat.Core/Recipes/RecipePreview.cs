using System.Security.Cryptography;

namespace Livechat.Core.Recipes;

/// <summary>
/// A snapshot of a draft that only the preview session made with it runs. It is stored as version 1 of a recipe id
/// no admin call accepts (<see cref="Prefix"/> holds '~', outside <see cref="Common.Ids.IsSafe"/>), so it can never be
/// chosen by a page, set as the default or listed, and a room started from it pins it like any version.
/// </summary>
public sealed record RecipePreview(Recipe Recipe, string SourceRecipeId, DateTimeOffset ExpiresAt)
{
    public const string Prefix = "~preview-";

    public static string NewId() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsPreviewId(string? recipeId) => recipeId is not null && recipeId.StartsWith(Prefix, StringComparison.Ordinal);
}
