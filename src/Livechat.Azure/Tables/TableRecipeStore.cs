using Azure;
using Azure.Data.Tables;
using Livechat.Core.Common;
using Livechat.Core.Recipes;
using System.Text.Json;

namespace Livechat.Azure.Tables;

/// <summary>Versioned recipes: a save writes the new version and moves the "latest" pointer in one transaction.</summary>
public sealed class TableRecipeStore(LivechatTables tables) : IRecipeStore
{
    public async Task<Recipe?> GetLatestAsync(string recipeId, CancellationToken cancellationToken) =>
        (await GetHeadAsync(recipeId, cancellationToken))?.Latest;

    public async Task<RecipeHead?> GetHeadAsync(string recipeId, CancellationToken cancellationToken)
    {
        var latest = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(recipeId, RecipeEntity.LatestKey, cancellationToken: cancellationToken);
        return latest.HasValue && !latest.Value!.Deleted ? Head(latest.Value!) : null;
    }

    public async Task<Recipe?> GetVersionAsync(string recipeId, int version, CancellationToken cancellationToken)
    {
        var row = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(recipeId, RecipeEntity.KeyOf(version), cancellationToken: cancellationToken);
        return row.HasValue ? Deserialize(row.Value!) : null;
    }

    public async Task<Recipe> SaveNewVersionAsync(Recipe recipe, CancellationToken cancellationToken) =>
        OrThrow(recipe.Id, await OptimisticConcurrency.RunAsync<Recipe>("recipe", async _ =>
        {
            var latest = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(recipe.Id, RecipeEntity.LatestKey, cancellationToken: cancellationToken);
            var version = latest.HasValue ? latest.Value!.Version + 1 : 1;
            var saved = recipe with { Version = version };
            var json = JsonSerializer.Serialize(saved, LivechatJson.Options);
            var pointer = new RecipeEntity
            {
                PartitionKey = recipe.Id, RowKey = RecipeEntity.LatestKey, Version = version, Json = json,
                // The recipe's setting carries over to its new version; a recipe created again after a delete starts private.
                Public = latest.HasValue && !latest.Value!.Deleted && latest.Value.Public,
            };
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
                return null;
            }
        }));

    public async Task<IReadOnlyList<RecipeHead>> ListHeadsAsync(CancellationToken cancellationToken)
    {
        var list = new List<RecipeHead>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RecipeEntity.LatestKey} and Deleted eq false");
        await foreach (var row in tables.Recipes.QueryAsync<RecipeEntity>(filter, cancellationToken: cancellationToken))
            if (Head(row) is { } head) list.Add(head);
        return list;
    }

    public async Task<RecipeHead?> SetPublicAsync(string recipeId, bool isPublic, CancellationToken cancellationToken) =>
        OrThrow(recipeId, await OptimisticConcurrency.RunAsync<RecipeHead?>("recipe", async _ =>
        {
            var latest = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(recipeId, RecipeEntity.LatestKey, cancellationToken: cancellationToken);
            if (!latest.HasValue || latest.Value!.Deleted) return Outcome<RecipeHead?>.Ok(null);
            var row = latest.Value;
            if (row.Public == isPublic) return Head(row);
            row.Public = isPublic;
            try
            {
                // Under the row's ETag: a save in between would otherwise put back the pointer it read.
                await tables.Recipes.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return Head(row);
            }
            catch (RequestFailedException e) when (e.Status is TableStatus.PreconditionFailed)
            {
                // A save or a delete came first; read the pointer it left.
                return null;
            }
        }));

    /// <summary>A store call that kept losing its races: the admin handler's caller sees it as a failure, as before.</summary>
    private static T OrThrow<T>(string recipeId, Outcome<T> outcome) =>
        outcome.IsSuccess ? outcome.Value! : throw new InvalidOperationException($"Recipe {recipeId}: {outcome.Problem!.Title}");

    public async Task<bool> DeleteAsync(string recipeId, CancellationToken cancellationToken)
    {
        var latest = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(recipeId, RecipeEntity.LatestKey, cancellationToken: cancellationToken);
        if (!latest.HasValue || latest.Value!.Deleted) return false;
        latest.Value.Deleted = true;
        latest.Value.Public = false;
        await tables.Recipes.UpdateEntityAsync(latest.Value, latest.Value.ETag, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    public async Task<string?> GetDefaultIdAsync(CancellationToken cancellationToken)
    {
        var row = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(RecipeEntity.SettingsPartition, RecipeEntity.DefaultKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.DefaultRecipeId : null;
    }

    public async Task SetDefaultIdAsync(string recipeId, CancellationToken cancellationToken) =>
        await tables.Recipes.UpsertEntityAsync(new RecipeEntity
        {
            PartitionKey = RecipeEntity.SettingsPartition, RowKey = RecipeEntity.DefaultKey, DefaultRecipeId = recipeId,
        }, TableUpdateMode.Replace, cancellationToken);

    private static RecipeHead? Head(RecipeEntity entity) => Deserialize(entity) is { } latest ? new RecipeHead(latest, entity.Public) : null;

    private static Recipe? Deserialize(RecipeEntity entity) =>
        entity.Json is null ? null : JsonSerializer.Deserialize<Recipe>(entity.Json, LivechatJson.Options);
}
