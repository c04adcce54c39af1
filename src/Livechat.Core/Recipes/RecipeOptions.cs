using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Recipes;

/// <summary>Recipe settings of the deployment.</summary>
public sealed class RecipeOptions
{
    /// <summary>The recipe a room runs when the page did not call setRecipe.</summary>
    [Required]
    public string DefaultRecipeId { get; set; } = WelcomeRecipe.Id;
}
