using Livechat.Core.Common;
using Livechat.Core.Recipes;
using Microsoft.Extensions.Options;
using Moq;

namespace Livechat.Core.Tests.Recipes;

/// <summary>The dashboard's recipe calls: validated before anything is stored, ids checked, versions kept.</summary>
public sealed class RecipeAdminHandlerTests
{
    private readonly Mock<IRecipeStore> _store = new();
    private static readonly List<RecipeBlock> Blocks = [new RecipeBlock { Id = "hi", Type = BlockTypes.End, Text = "Hi!" }];

    public RecipeAdminHandlerTests()
    {
        _store.Setup(s => s.SaveNewVersionAsync(It.IsAny<Recipe>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Recipe r, CancellationToken _) => r with { Version = 1 });
        _store.Setup(s => s.ListDraftsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

    [Fact]
    public async Task CreateAsync_InvalidFlow_IsRefusedNamingTheField_AndStoresNothing()
    {
        var outcome = await Handler().CreateAsync(new RecipeDefinition("faq", "FAQ", "missing", Blocks), CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, outcome.Problem!.Kind);
        Assert.NotEmpty(outcome.Problem.Errors!);
        _store.Verify(s => s.SaveNewVersionAsync(It.IsAny<Recipe>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CreateAsync_IdTaken_Is409_AndStoresNothing()
    {
        _store.Setup(s => s.GetLatestAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(Recipe("faq"));

        var outcome = await Handler().CreateAsync(new RecipeDefinition("faq", "FAQ", "hi", Blocks), CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, outcome.Problem!.Kind);
        _store.Verify(s => s.SaveNewVersionAsync(It.IsAny<Recipe>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task UpdateAsync_BodyIdOtherThanTheUrls_IsRefusedNamingId()
    {
        var outcome = await Handler().UpdateAsync("faq", new RecipeDefinition("other", "FAQ", "hi", Blocks), CancellationToken.None);

        Assert.True(outcome.Problem!.Errors!.ContainsKey("id"));
        _store.Verify(s => s.SaveNewVersionAsync(It.IsAny<Recipe>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task UpdateAsync_UnknownRecipe_Is404_ExistingOne_SavesANewVersionUnderTheUrlsId()
    {
        Assert.Equal(ProblemKind.NotFound, (await Handler().UpdateAsync("faq", new RecipeDefinition(null, "FAQ", "hi", Blocks), CancellationToken.None)).Problem!.Kind);
        _store.Setup(s => s.GetHeadAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Recipe("faq"), false));

        var saved = await Handler().UpdateAsync("faq", new RecipeDefinition(null, "FAQ 2", "hi", Blocks), CancellationToken.None);

        Assert.Equal("faq", saved.Value!.Id);
        _store.Verify(s => s.SaveNewVersionAsync(It.Is<Recipe>(r => r.Id == "faq" && r.Name == "FAQ 2"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("a b")]
    public async Task GetDeleteAndSetDefault_UnsafeId_AnswerNotFoundOrInvalid_WithoutTouchingTheStore(string id)
    {
        Assert.Equal(ProblemKind.NotFound, (await Handler().GetAsync(id, null, CancellationToken.None)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await Handler().DeleteAsync(id, CancellationToken.None)).Problem!.Kind);
        Assert.Equal(ProblemKind.Validation, (await Handler().SetDefaultAsync(new DefaultRecipeRequest(id), CancellationToken.None)).Problem!.Kind);
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task GetAsync_UnknownVersion_NamesVersion()
    {
        var outcome = await Handler().GetAsync("faq", 7, CancellationToken.None);

        Assert.True(outcome.Problem!.Errors!.ContainsKey("version"));
    }

    [Fact]
    public async Task SetDefaultAsync_UnknownRecipe_Is404_AndTheDefaultStays()
    {
        var outcome = await Handler().SetDefaultAsync(new DefaultRecipeRequest("nope"), CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, outcome.Problem!.Kind);
        _store.Verify(s => s.SetDefaultIdAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ListAsync_WithoutAStoredDefault_NamesTheConfiguredOne_RecipesById_WithTheirPublicFlag()
    {
        _store.Setup(s => s.ListHeadsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new(Recipe("zeta"), true), new(Recipe("alpha"), false)]);

        var list = await Handler().ListAsync(CancellationToken.None);

        Assert.Equal("welcome", list.Value!.DefaultRecipeId);
        Assert.Equal(["alpha", "zeta"], list.Value.Recipes.Select(r => r.Id));
        Assert.Equal([false, true], list.Value.Recipes.Select(r => r.Public));
    }

    [Fact]
    public async Task ListAsync_ARecipeThatIsOnlyADraft_IsListedWithNoVersion_APublishedOneWithADraftSaysSo()
    {
        _store.Setup(s => s.ListHeadsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new(Recipe("faq"), true)]);
        _store.Setup(s => s.ListDraftsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
            [new RecipeDraft(Recipe("faq"), DateTimeOffset.UnixEpoch), new RecipeDraft(Recipe("new-one") with { Name = "New one" }, DateTimeOffset.UnixEpoch)]);

        var list = (await Handler().ListAsync(CancellationToken.None)).Value!.Recipes;

        Assert.Equal([new RecipeListItem("faq", "faq", 3, true, true), new RecipeListItem("new-one", "New one", null, false, true)], list);
    }

    [Fact]
    public async Task CreateAsync_NewRecipe_IsPrivate()
    {
        var created = await Handler().CreateAsync(new RecipeDefinition("faq", "FAQ", "hi", Blocks), CancellationToken.None);

        Assert.False(created.Value!.Public);
        _store.Verify(s => s.SetPublicAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task UpdateAsync_PublicRecipe_AnswersTheNewVersionStillPublic()
    {
        _store.Setup(s => s.GetHeadAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Recipe("faq"), true));

        var saved = await Handler().UpdateAsync("faq", new RecipeDefinition(null, "FAQ 2", "hi", Blocks), CancellationToken.None);

        Assert.True(saved.Value!.Public);
        Assert.Equal("FAQ 2", saved.Value.Name);
    }

    [Fact]
    public async Task GetAsync_OldVersion_CarriesTheRecipesFlag()
    {
        _store.Setup(s => s.GetHeadAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Recipe("faq"), true));
        _store.Setup(s => s.GetVersionAsync("faq", 1, It.IsAny<CancellationToken>())).ReturnsAsync(Recipe("faq") with { Version = 1 });

        var v1 = await Handler().GetAsync("faq", 1, CancellationToken.None);

        Assert.Equal(1, v1.Value!.Version);
        Assert.True(v1.Value.Public);
    }

    [Fact]
    public async Task SetVisibilityAsync_ExistingRecipe_SetsTheFlag_WithoutANewVersion()
    {
        _store.Setup(s => s.SetPublicAsync("faq", true, It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Recipe("faq"), true));

        var outcome = await Handler().SetVisibilityAsync("faq", new RecipeVisibilityRequest(true), CancellationToken.None);

        Assert.Equal(new RecipeSummary("faq", "faq", 3, true), outcome.Value);
        _store.Verify(s => s.SaveNewVersionAsync(It.IsAny<Recipe>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SetVisibilityAsync_UnknownRecipe_Is404NamingRecipeId()
    {
        var outcome = await Handler().SetVisibilityAsync("nope", new RecipeVisibilityRequest(true), CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, outcome.Problem!.Kind);
        Assert.True(outcome.Problem.Errors!.ContainsKey("recipeId"));
    }

    [Theory]
    [InlineData("../etc", true, "recipeId")]
    [InlineData("faq", null, "public")]
    public async Task SetVisibilityAsync_UnsafeIdOrNoFlag_IsRefusedWithoutTouchingTheStore(string id, bool? isPublic, string field)
    {
        var outcome = await Handler().SetVisibilityAsync(id, new RecipeVisibilityRequest(isPublic), CancellationToken.None);

        Assert.True(outcome.Problem!.Errors!.ContainsKey(field));
        _store.Verify(s => s.SetPublicAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static Recipe Recipe(string id) => new() { Id = id, Name = id, StartBlockId = "hi", Blocks = Blocks, Version = 3 };

    private RecipeAdminHandler Handler() => new(_store.Object, Options.Create(new RecipeOptions { DefaultRecipeId = "welcome" }));
}
