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
    public async Task SetPublicAsync_IsKeptByTheNextVersion_AndWritesNoVersion()
    {
        await _recipes.SaveNewVersionAsync(WelcomeRecipe.Create(), CancellationToken.None);
        Assert.False((await _recipes.GetHeadAsync(WelcomeRecipe.Id, CancellationToken.None))!.Public); // private until the admin says

        var head = await _recipes.SetPublicAsync(WelcomeRecipe.Id, true, CancellationToken.None);
        Assert.Equal((1, true), (head!.Latest.Version, head.Public));
        Assert.Null(await _recipes.GetVersionAsync(WelcomeRecipe.Id, 2, CancellationToken.None));

        await _recipes.SaveNewVersionAsync(WelcomeRecipe.Create() with { Name = "Edited" }, CancellationToken.None);
        var edited = await _recipes.GetHeadAsync(WelcomeRecipe.Id, CancellationToken.None);
        Assert.Equal((2, true), (edited!.Latest.Version, edited.Public));
        Assert.Equal([(WelcomeRecipe.Id, true)], (await _recipes.ListHeadsAsync(CancellationToken.None)).Select(h => (h.Latest.Id, h.Public)));

        Assert.False((await _recipes.SetPublicAsync(WelcomeRecipe.Id, false, CancellationToken.None))!.Public);
        Assert.False((await _recipes.GetHeadAsync(WelcomeRecipe.Id, CancellationToken.None))!.Public);
    }

    [Fact]
    public async Task SetPublicAsync_UnknownOrDeletedRecipe_IsNull_AndARecipeCreatedAgainStartsPrivate()
    {
        Assert.Null(await _recipes.SetPublicAsync("nothere", true, CancellationToken.None));
        await _recipes.SaveNewVersionAsync(WelcomeRecipe.Create(), CancellationToken.None);
        await _recipes.SetPublicAsync(WelcomeRecipe.Id, true, CancellationToken.None);

        Assert.True(await _recipes.DeleteAsync(WelcomeRecipe.Id, CancellationToken.None));
        Assert.Null(await _recipes.GetHeadAsync(WelcomeRecipe.Id, CancellationToken.None));
        Assert.Null(await _recipes.SetPublicAsync(WelcomeRecipe.Id, true, CancellationToken.None));
        Assert.Empty(await _recipes.ListHeadsAsync(CancellationToken.None));

        await _recipes.SaveNewVersionAsync(WelcomeRecipe.Create(), CancellationToken.None);
        var again = await _recipes.GetHeadAsync(WelcomeRecipe.Id, CancellationToken.None);
        Assert.Equal((2, false), (again!.Latest.Version, again.Public));
    }

    [Fact]
    public async Task SetPublicAsync_WhileVersionsAreSaved_LosesNeitherTheFlagNorAVersion()
    {
        await _recipes.SaveNewVersionAsync(WelcomeRecipe.Create(), CancellationToken.None);

        await Task.WhenAll(
            _recipes.SetPublicAsync(WelcomeRecipe.Id, true, CancellationToken.None),
            _recipes.SaveNewVersionAsync(WelcomeRecipe.Create(), CancellationToken.None),
            _recipes.SaveNewVersionAsync(WelcomeRecipe.Create(), CancellationToken.None));

        var head = await _recipes.GetHeadAsync(WelcomeRecipe.Id, CancellationToken.None);
        Assert.Equal((3, true), (head!.Latest.Version, head.Public));
    }

    [Fact]
    public async Task SaveNewVersionAsync_ConcurrentSaves_GetDistinctVersions()
    {
        var saved = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _recipes.SaveNewVersionAsync(WelcomeRecipe.Create(), CancellationToken.None)));
        Assert.Equal([1, 2, 3, 4, 5], saved.Select(r => r.Version).Order());
    }
}
