using Livechat.Azure.Tables;
using Livechat.Core.Recipes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Azure;

/// <summary>
/// Prepares storage when a host starts: creates the tables and, on a new deployment, saves the welcome recipe
/// as the default so the widget greets visitors before anyone builds a flow.
/// </summary>
public sealed partial class LivechatStartup(LivechatTables tables, IRecipeStore recipes, IOptions<RecipeOptions> options, ILogger<LivechatStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.CreateIfNotExistsAsync(cancellationToken);
        if (options.Value.DefaultRecipeId == WelcomeRecipe.Id && await recipes.GetLatestAsync(WelcomeRecipe.Id, cancellationToken) is null)
        {
            var saved = await recipes.SaveNewVersionAsync(WelcomeRecipe.Create(), cancellationToken);
            LogSeeded(saved.Id, saved.Version);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved built-in recipe {RecipeId} v{RecipeVersion}")]
    private partial void LogSeeded(string recipeId, int recipeVersion);
}
