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
            var (saved, batch) = NewVersion(recipe, latest.HasValue ? latest.Value : null);
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

    /// <summary>The version after <paramref name="latest"/>'s, and the writes that store it and move the pointer under its ETag.</summary>
    private static (Recipe Saved, List<TableTransactionAction> Batch) NewVersion(Recipe recipe, RecipeEntity? latest)
    {
        var version = latest is null ? 1 : latest.Version + 1;
        var saved = recipe with { Version = version };
        var json = JsonSerializer.Serialize(saved, LivechatJson.Options);
        var pointer = new RecipeEntity
        {
            PartitionKey = recipe.Id, RowKey = RecipeEntity.LatestKey, Version = version, Json = json,
            // The recipe's setting carries over to its new version; a recipe created again after a delete starts private.
            Public = latest is { Deleted: false, Public: true },
        };
        return (saved,
        [
            latest is null ? new(TableTransactionActionType.Add, pointer) : new(TableTransactionActionType.UpdateReplace, pointer, latest.ETag),
            new(TableTransactionActionType.Add, new RecipeEntity { PartitionKey = recipe.Id, RowKey = RecipeEntity.KeyOf(version), Version = version, Json = json }),
        ]);
    }

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
        var draftDeleted = (await tables.Recipes.DeleteEntityAsync(recipeId, RecipeEntity.DraftKey, ETag.All, cancellationToken)).Status != TableStatus.NotFound;
        if (!latest.HasValue || latest.Value!.Deleted) return draftDeleted;
        latest.Value.Deleted = true;
        latest.Value.Public = false;
        await tables.Recipes.UpdateEntityAsync(latest.Value, latest.Value.ETag, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    public async Task<RecipeDraft?> GetDraftAsync(string recipeId, CancellationToken cancellationToken)
    {
        var row = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(recipeId, RecipeEntity.DraftKey, cancellationToken: cancellationToken);
        return row.HasValue ? Draft(row.Value!) : null;
    }

    public async Task<RecipeDraft> SaveDraftAsync(RecipeDraft draft, CancellationToken cancellationToken)
    {
        var row = new RecipeEntity
        {
            PartitionKey = draft.Recipe.Id, RowKey = RecipeEntity.DraftKey,
            Json = JsonSerializer.Serialize(draft.Recipe with { Version = 0 }, LivechatJson.Options), UpdatedAt = draft.UpdatedAt,
        };
        var response = await tables.Recipes.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        return draft with { ETag = response.Headers.ETag?.ToString() };
    }

    public async Task<Recipe?> PublishDraftAsync(Recipe recipe, string draftETag, CancellationToken cancellationToken) =>
        OrThrow(recipe.Id, await OptimisticConcurrency.RunAsync<Recipe?>("recipe", async _ =>
        {
            var latest = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(recipe.Id, RecipeEntity.LatestKey, cancellationToken: cancellationToken);
            var (saved, batch) = NewVersion(recipe, latest.HasValue ? latest.Value : null);
            batch.Add(new(TableTransactionActionType.Delete, new TableEntity(recipe.Id, RecipeEntity.DraftKey), new ETag(draftETag)));
            try
            {
                await tables.Recipes.SubmitTransactionAsync(batch, cancellationToken);
                return saved;
            }
            catch (TableTransactionFailedException e) when (e.Status is TableStatus.PreconditionFailed or TableStatus.Conflict or TableStatus.NotFound)
            {
                // The draft was saved again (or published) since it was validated: publish nothing the caller did not check.
                if (e.FailedTransactionActionIndex == batch.Count - 1) return Outcome<Recipe?>.Ok(null);
                // Another save took this version number; take the next one.
                return null;
            }
        }));

    public async Task<IReadOnlyList<RecipeVersionRecord>> ListVersionsAsync(string recipeId, CancellationToken cancellationToken)
    {
        var list = new List<RecipeVersionRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {recipeId} and RowKey ge {RecipeEntity.VersionKeysFrom} and RowKey lt {RecipeEntity.VersionKeysTo}");
        await foreach (var row in tables.Recipes.QueryAsync<RecipeEntity>(filter, cancellationToken: cancellationToken))
            // A version row is written once and never changed, so its timestamp is when it was published.
            if (Deserialize(row) is { } recipe) list.Add(new RecipeVersionRecord(recipe, row.Timestamp ?? DateTimeOffset.MinValue));
        return list.OrderBy(v => v.Recipe.Version).ToList();
    }

    public async Task<IReadOnlyList<RecipeDraft>> ListDraftsAsync(CancellationToken cancellationToken)
    {
        var list = new List<RecipeDraft>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RecipeEntity.DraftKey}");
        await foreach (var row in tables.Recipes.QueryAsync<RecipeEntity>(filter, cancellationToken: cancellationToken))
            if (Draft(row) is { } draft) list.Add(draft);
        return list;
    }

    public async Task SavePreviewAsync(RecipePreview preview, CancellationToken cancellationToken) =>
        await tables.Recipes.AddEntityAsync(new RecipeEntity
        {
            PartitionKey = preview.Recipe.Id, RowKey = RecipeEntity.KeyOf(preview.Recipe.Version), Version = preview.Recipe.Version,
            Json = JsonSerializer.Serialize(preview.Recipe, LivechatJson.Options), PreviewOf = preview.SourceRecipeId, ExpiresAt = preview.ExpiresAt,
        }, cancellationToken);

    public async Task<RecipePreview?> GetPreviewAsync(string previewId, CancellationToken cancellationToken)
    {
        if (!RecipePreview.IsPreviewId(previewId)) return null;
        var row = await tables.Recipes.GetEntityIfExistsAsync<RecipeEntity>(previewId, RecipeEntity.KeyOf(1), cancellationToken: cancellationToken);
        return row.HasValue && Deserialize(row.Value!) is { } recipe && row.Value!.ExpiresAt is { } expires
            ? new RecipePreview(recipe, row.Value.PreviewOf ?? "", expires)
            : null;
    }

    private static RecipeDraft? Draft(RecipeEntity row) =>
        Deserialize(row) is { } recipe ? new RecipeDraft(recipe with { Id = row.PartitionKey }, row.UpdatedAt ?? row.Timestamp ?? DateTimeOffset.MinValue) { ETag = row.ETag.ToString() } : null;

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
