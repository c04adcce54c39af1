using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Livechat.Core.Common;
using Livechat.Core.Recipes;

namespace Livechat.Azure.Tables;

/// <summary>Versioned recipes: a save writes the new version and moves the "latest" pointer in one transaction.</summary>
public sealed class TableRecipeStore(LivechatTables tables) : IRecipeStore
{
    public async Task<Recipe?> GetLatestAsync(string recipeId, CancellationToken cancellationToken)
    {
        var latest = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(recipeId, RecipeEntity.LatestKey, cancellationToken: cancellationToken);
        return latest.HasValue ? Deserialize(latest.Value!) : null;
    }

    public async Task<Recipe?> GetVersionAsync(string recipeId, int version, CancellationToken cancellationToken)
    {
        var row = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(recipeId, RecipeEntity.KeyOf(version), cancellationToken: cancellationToken);
        return row.HasValue ? Deserialize(row.Value!) : null;
    }

    public async Task<Recipe> SaveNewVersionAsync(Recipe recipe, CancellationToken cancellationToken)
    {
        while (true)
        {
            var latest = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(recipe.Id, RecipeEntity.LatestKey, cancellationToken: cancellationToken);
            var version = latest.HasValue ? latest.Value!.Version + 1 : 1;
            var saved = recipe with { Version = version };
            var json = JsonSerializer.Serialize(saved, LivechatJson.Options);
            var pointer = new RecipeEntity { PartitionKey = recipe.Id, RowKey = RecipeEntity.LatestKey, Version = version, Json = json };
            TableTransactionAction[] batch =
            [
                latest.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, pointer, latest.Value!.ETag)
                    : new(TableTransactionActionType.Add, pointer),
                new(TableTransactionActionType.Add, new RecipeEntity { PartitionKey = recipe.Id, RowKey = RecipeEntity.KeyOf(version), Version = version, Json = json }),
            ];
            try
            {
                await tables.Recipes.SubmitTransactionAsync(batch, cancellationToken);
                return saved;
            }
            catch (TableTransactionFailedException e) when (e.Status is TableStatus.PreconditionFailed or TableStatus.Conflict)
            {
                // Another save took this version number; take the next one.
            }
        }
    }

    private static Recipe? Deserialize(RecipeEntity entity) =>
        entity.Json is null ? null : JsonSerializer.Deserialize<Recipe>(entity.Json, LivechatJson.Options);
}
