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

    public RecipeAdminHandlerTests() =>
        _store.Setup(s => s.SaveNewVersionAsync(It.IsAny<Recipe>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Recipe r, CancellationToken _) => r with { Version = 1 });

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
        _store.Setup(s => s.GetLatestAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(Recipe("faq"));

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
    public async Task ListAsync_WithoutAStoredDefault_NamesTheConfiguredOne_RecipesById()
    {
        _store.Setup(s => s.ListLatestAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Recipe("zeta"), Recipe("alpha")]);

        var list = await Handler().ListAsync(CancellationToken.None);

        Assert.Equal("welcome", list.Value!.DefaultRecipeId);
        Assert.Equal(["alpha", "zeta"], list.Value.Recipes.Select(r => r.Id));
    }

    private static Recipe Recipe(string id) => new() { Id = id, Name = id, StartBlockId = "hi", Blocks = Blocks, Version = 3 };

    private RecipeAdminHandler Handler() => new(_store.Object, Options.Create(new RecipeOptions { DefaultRecipeId = "welcome" }));
}
