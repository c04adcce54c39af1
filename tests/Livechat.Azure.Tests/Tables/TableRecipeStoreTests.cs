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
        Assert.Equal(WelcomeRecipe.Create().Blocks.Count, (await _recipes.GetVersionAsync(WelcomeRecipe.Id, 1, CancellationToken.None))!.Blocks.Count);
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

    private static Recipe Faq(string text) => new()
    {
        Id = "faq", Name = "FAQ", StartBlockId = "hi", Blocks = [new RecipeBlock { Id = "hi", Type = BlockTypes.End, Text = text }],
    };

    [Fact]
    public async Task SaveDraftAsync_ADraftOnlyRecipe_IsListedAsADraft_NotAsAHead_AndHasNoVersion()
    {
        var saved = await _recipes.SaveDraftAsync(new RecipeDraft(Faq("Draft"), DateTimeOffset.UnixEpoch.AddDays(1)), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(saved.ETag));
        var read = await _recipes.GetDraftAsync("faq", CancellationToken.None);
        Assert.Equal(("faq", "Draft", DateTimeOffset.UnixEpoch.AddDays(1)), (read!.Recipe.Id, read.Recipe.Blocks[0].Text, read.UpdatedAt));
        Assert.Equal(saved.ETag, read.ETag);
        Assert.Null(await _recipes.GetHeadAsync("faq", CancellationToken.None));
        Assert.Empty(await _recipes.ListHeadsAsync(CancellationToken.None));
        Assert.Empty(await _recipes.ListVersionsAsync("faq", CancellationToken.None));
        Assert.Equal(["faq"], (await _recipes.ListDraftsAsync(CancellationToken.None)).Select(d => d.Recipe.Id));
    }

    [Fact]
    public async Task PublishDraftAsync_StoresTheNextVersion_AndClearsTheDraft_InOneStep()
    {
        await _recipes.SaveNewVersionAsync(Faq("One"), CancellationToken.None);
        await _recipes.SetPublicAsync("faq", true, CancellationToken.None);
        var draft = await _recipes.SaveDraftAsync(new RecipeDraft(Faq("Two"), DateTimeOffset.UnixEpoch), CancellationToken.None);

        var published = await _recipes.PublishDraftAsync(Faq("Two"), draft.ETag!, CancellationToken.None);

        Assert.Equal(2, published!.Version);
        Assert.Null(await _recipes.GetDraftAsync("faq", CancellationToken.None));
        var head = await _recipes.GetHeadAsync("faq", CancellationToken.None);
        Assert.Equal((2, "Two", true), (head!.Latest.Version, head.Latest.Blocks[0].Text, head.Public));
        Assert.Equal("One", (await _recipes.GetVersionAsync("faq", 1, CancellationToken.None))!.Blocks[0].Text);
        var versions = await _recipes.ListVersionsAsync("faq", CancellationToken.None);
        Assert.Equal([1, 2], versions.Select(v => v.Recipe.Version));
        Assert.True(versions[1].PublishedAt >= versions[0].PublishedAt && versions[0].PublishedAt > DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task PublishDraftAsync_DraftSavedAgainAfterItWasRead_PublishesNothing()
    {
        var first = await _recipes.SaveDraftAsync(new RecipeDraft(Faq("Checked"), DateTimeOffset.UnixEpoch), CancellationToken.None);
        await _recipes.SaveDraftAsync(new RecipeDraft(Faq("Newer"), DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Null(await _recipes.PublishDraftAsync(Faq("Checked"), first.ETag!, CancellationToken.None));

        Assert.Null(await _recipes.GetHeadAsync("faq", CancellationToken.None));
        Assert.Empty(await _recipes.ListVersionsAsync("faq", CancellationToken.None));
        Assert.Equal("Newer", (await _recipes.GetDraftAsync("faq", CancellationToken.None))!.Recipe.Blocks[0].Text);
    }

    [Fact]
    public async Task DeleteAsync_TakesTheDraftToo_AndDeletesARecipeThatIsOnlyADraft()
    {
        await _recipes.SaveDraftAsync(new RecipeDraft(Faq("Draft"), DateTimeOffset.UnixEpoch), CancellationToken.None);
        Assert.True(await _recipes.DeleteAsync("faq", CancellationToken.None));
        Assert.Null(await _recipes.GetDraftAsync("faq", CancellationToken.None));
        Assert.False(await _recipes.DeleteAsync("faq", CancellationToken.None));

        await _recipes.SaveNewVersionAsync(Faq("One"), CancellationToken.None);
        await _recipes.SaveDraftAsync(new RecipeDraft(Faq("Draft"), DateTimeOffset.UnixEpoch), CancellationToken.None);
        Assert.True(await _recipes.DeleteAsync("faq", CancellationToken.None));
        Assert.Empty(await _recipes.ListDraftsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SavePreviewAsync_IsAVersionARoomCanPin_ButNoRecipeAnyListOrHeadShows()
    {
        var id = RecipePreview.NewId();
        var expires = new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);
        await _recipes.SavePreviewAsync(new RecipePreview(Faq("Preview") with { Id = id, Version = 1 }, "faq", expires), CancellationToken.None);

        var preview = await _recipes.GetPreviewAsync(id, CancellationToken.None);
        Assert.Equal(("Preview", "faq", expires), (preview!.Recipe.Blocks[0].Text, preview.SourceRecipeId, preview.ExpiresAt));
        // What a room's activities read: the pinned version.
        Assert.Equal("Preview", (await _recipes.GetVersionAsync(id, 1, CancellationToken.None))!.Blocks[0].Text);
        Assert.Null(await _recipes.GetHeadAsync(id, CancellationToken.None));
        Assert.Empty(await _recipes.ListHeadsAsync(CancellationToken.None));
        Assert.Empty(await _recipes.ListDraftsAsync(CancellationToken.None));
        Assert.Null(await _recipes.GetPreviewAsync("faq", CancellationToken.None));
    }
}
