using Livechat.Azure.Tests.Support;
using Livechat.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

public sealed class TableRecipeStoreTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;
    private IRecipeStore _recipes = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _recipes = _services.GetRequiredService<IRecipeStore>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SaveNewVersionAsync_TwoSaves_KeepsTheOldVersionUnchanged()
    {
        var v1 = await _recipes.SaveNewVersionAsync(WelcomeRecipe.Create(), CancellationToken.None);
        var edited = WelcomeRecipe.Create() with { Name = "Edited" };
        var v2 = await _recipes.SaveNewVersionAsync(edited, CancellationToken.None);

        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        Assert.Equal("Welcome", (await _recipes.GetVersionAsync(WelcomeRecipe.Id, 1, CancellationToken.None))!.Name);
        Assert.Equal("Edited", (await _recipes.GetLatestAsync(WelcomeRecipe.Id, CancellationToken.None))!.Name);
        Assert.Equal(4, (await _recipes.GetVersionAsync(WelcomeRecipe.Id, 1, CancellationToken.None))!.Blocks.Count);
    }

    [Fact]
    public async Task SaveNewVersionAsync_ConcurrentSaves_GetDistinctVersions()
    {
        var saved = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _recipes.SaveNewVersionAsync(WelcomeRecipe.Create(), CancellationToken.None)));
        Assert.Equal([1, 2, 3, 4, 5], saved.Select(r => r.Version).Order());
    }
}
