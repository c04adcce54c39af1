using Azure.Data.Tables;
using Livechat.Core.Common;
using Livechat.Core.Recipes;
using System.Text.Json;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>
/// Puts a recipe in the server's Recipes table, in the store's own layout (a "latest" pointer and version 1), as a
/// dashboard would have saved it. Private, as a new recipe is: pages may choose it once
/// <see cref="Dashboard.SetRecipePublicAsync"/> marked it public.
/// </summary>
public static class RecipeSeeder
{
    public static async Task SaveAsync(string tablePrefix, Recipe recipe)
    {
        var table = new TableServiceClient("UseDevelopmentStorage=true").GetTableClient(tablePrefix + "Recipes");
        await table.CreateIfNotExistsAsync();
        var json = JsonSerializer.Serialize(recipe with { Version = 1 }, LivechatJson.Options);
        foreach (var rowKey in new[] { "v00000001", "latest" })
            await table.UpsertEntityAsync(new TableEntity(recipe.Id, rowKey) { ["Version"] = 1, ["Json"] = json }, TableUpdateMode.Replace);
    }
}
