namespace Livechat.Core.Recipes;

/// <summary>Versioned recipe storage: saving never changes an existing version.</summary>
public interface IRecipeStore
{
    /// <summary>The newest version of the recipe, or null when there is none.</summary>
    Task<Recipe?> GetLatestAsync(string recipeId, CancellationToken cancellationToken);

    Task<Recipe?> GetVersionAsync(string recipeId, int version, CancellationToken cancellationToken);

    /// <summary>Stores the recipe as its next version and returns it with that version number.</summary>
    Task<Recipe> SaveNewVersionAsync(Recipe recipe, CancellationToken cancellationToken);
}
