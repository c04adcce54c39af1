namespace Livechat.Core.Recipes;

/// <summary>Versioned recipe storage: saving never changes an existing version.</summary>
public interface IRecipeStore
{
    /// <summary>The newest version of the recipe, or null when there is none.</summary>
    Task<Recipe?> GetLatestAsync(string recipeId, CancellationToken cancellationToken);

    /// <summary>The newest version with the recipe's own settings, or null when there is none.</summary>
    Task<RecipeHead?> GetHeadAsync(string recipeId, CancellationToken cancellationToken);

    Task<Recipe?> GetVersionAsync(string recipeId, int version, CancellationToken cancellationToken);

    /// <summary>Stores the recipe as its next version and returns it with that version number; the recipe's settings stay.</summary>
    Task<Recipe> SaveNewVersionAsync(Recipe recipe, CancellationToken cancellationToken);

    /// <summary>Every recipe that is not deleted.</summary>
    Task<IReadOnlyList<RecipeHead>> ListHeadsAsync(CancellationToken cancellationToken);

    /// <summary>Sets whether pages may choose the recipe, without a new version; null when there is no such recipe.</summary>
    Task<RecipeHead?> SetPublicAsync(string recipeId, bool isPublic, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the recipe for new rooms; its versions stay, so running rooms finish with theirs. It stops being public:
    /// a recipe created again under the id starts private. False when absent.
    /// </summary>
    Task<bool> DeleteAsync(string recipeId, CancellationToken cancellationToken);

    /// <summary>The default recipe chosen in the dashboard, or null to use the deployment's setting.</summary>
    Task<string?> GetDefaultIdAsync(CancellationToken cancellationToken);

    Task SetDefaultIdAsync(string recipeId, CancellationToken cancellationToken);
}
