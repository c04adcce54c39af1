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
    /// a recipe created again under the id starts private. Its draft goes too (a recipe that is only a draft is deleted). False when absent.
    /// </summary>
    Task<bool> DeleteAsync(string recipeId, CancellationToken cancellationToken);

    /// <summary>The default recipe chosen in the dashboard, or null to use the deployment's setting.</summary>
    Task<string?> GetDefaultIdAsync(CancellationToken cancellationToken);

    Task SetDefaultIdAsync(string recipeId, CancellationToken cancellationToken);

    /// <summary>The recipe's unpublished draft, or null when there is none.</summary>
    Task<RecipeDraft?> GetDraftAsync(string recipeId, CancellationToken cancellationToken);

    /// <summary>Stores the draft in place of the one before (the editor's last save wins); returns it with its ETag.</summary>
    Task<RecipeDraft> SaveDraftAsync(RecipeDraft draft, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="recipe"/> as the next version and removes the draft it was made from, in one transaction;
    /// null, with nothing written, when the draft is no longer the one tagged <paramref name="draftETag"/> (saved again meanwhile).
    /// </summary>
    Task<Recipe?> PublishDraftAsync(Recipe recipe, string draftETag, CancellationToken cancellationToken);

    /// <summary>Every stored version of the recipe, oldest first (also after a delete: running rooms use them).</summary>
    Task<IReadOnlyList<RecipeVersionRecord>> ListVersionsAsync(string recipeId, CancellationToken cancellationToken);

    /// <summary>Every draft, including those of recipes with no version yet.</summary>
    Task<IReadOnlyList<RecipeDraft>> ListDraftsAsync(CancellationToken cancellationToken);

    /// <summary>Stores a preview snapshot as version 1 of its own id (<see cref="RecipePreview.Recipe"/>'s id).</summary>
    Task SavePreviewAsync(RecipePreview preview, CancellationToken cancellationToken);

    /// <summary>The preview stored under <paramref name="previewId"/>, expired or not; null when absent.</summary>
    Task<RecipePreview?> GetPreviewAsync(string previewId, CancellationToken cancellationToken);
}
