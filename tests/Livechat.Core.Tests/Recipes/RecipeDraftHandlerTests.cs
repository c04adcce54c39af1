using Livechat.Core.Common;
using Livechat.Core.Recipes;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Recipes;

/// <summary>The editor's drafts: saved incomplete with the validator's findings, published only when valid, versions with what changed.</summary>
public sealed class RecipeDraftHandlerTests
{
    private readonly Mock<IRecipeStore> _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero));
    private static readonly List<RecipeBlock> Valid = [new RecipeBlock { Id = "hi", Type = BlockTypes.End, Text = "Hi!" }];

    public RecipeDraftHandlerTests()
    {
        _store.Setup(s => s.SaveDraftAsync(It.IsAny<RecipeDraft>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((RecipeDraft d, CancellationToken _) => d with { ETag = "d1" });
        _store.Setup(s => s.PublishDraftAsync(It.IsAny<Recipe>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Recipe r, string _, CancellationToken _) => r with { Version = 4 });
    }

    private RecipeDraftHandler Handler() => new(_store.Object, _time);

    private static Recipe Recipe(string id, int version, string name, params RecipeBlock[] blocks) =>
        new() { Id = id, Version = version, Name = name, StartBlockId = blocks.Length > 0 ? blocks[0].Id : "", Blocks = blocks };

    [Fact]
    public async Task SaveAsync_AnIncompleteDraft_IsStored_AndTheFindingsNameItsBlocks()
    {
        var buttons = new RecipeBlock { Id = "menu", Type = BlockTypes.Buttons, Text = "Pick one" };
        var link = new RecipeBlock { Id = "hi", Type = BlockTypes.Message, Text = "Hi", Next = "nowhere" };

        var saved = await Handler().SaveAsync("faq", new RecipeDefinition(null, "FAQ", "hi", [link, buttons]), CancellationToken.None);

        Assert.True(saved.IsSuccess);
        Assert.True(saved.Value!.Draft);
        Assert.Equal(_time.GetUtcNow(), saved.Value.UpdatedAt);
        Assert.Equal(["blocks.hi.next", "blocks.menu.buttons"], saved.Value.Errors.Keys.Order());
        _store.Verify(s => s.SaveDraftAsync(It.Is<RecipeDraft>(d => d.Recipe.Id == "faq" && d.Recipe.Blocks.Count == 2), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.SaveNewVersionAsync(It.IsAny<Recipe>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("a b", null, "recipeId")]
    [InlineData("faq", "other", "id")]
    public async Task SaveAsync_BadIdOrAnotherIdInTheBody_IsRefusedNamingIt_AndStoresNothing(string recipeId, string? bodyId, string field)
    {
        var outcome = await Handler().SaveAsync(recipeId, new RecipeDefinition(bodyId, "FAQ", "hi", Valid), CancellationToken.None);

        Assert.Contains(field, outcome.Problem!.Errors!.Keys);
        _store.Verify(s => s.SaveDraftAsync(It.IsAny<RecipeDraft>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SaveAsync_MoreThanTheStorageHolds_IsTooLarge_AndStoresNothing()
    {
        var blocks = Enumerable.Range(0, 20).Select(i => new RecipeBlock { Id = $"b{i}", Type = BlockTypes.Message, Text = new string('x', 2000) }).ToList();

        var outcome = await Handler().SaveAsync("faq", new RecipeDefinition(null, "FAQ", "b0", blocks), CancellationToken.None);

        Assert.Equal(ProblemKind.TooLarge, outcome.Problem!.Kind);
        _store.Verify(s => s.SaveDraftAsync(It.IsAny<RecipeDraft>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task GetAsync_NoDraft_IsTheNewestVersion_NoRecipe_Is404()
    {
        Assert.Equal(ProblemKind.NotFound, (await Handler().GetAsync("faq", CancellationToken.None)).Problem!.Kind);
        _store.Setup(s => s.GetHeadAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Recipe("faq", 3, "FAQ", Valid[0]), true));

        var view = (await Handler().GetAsync("faq", CancellationToken.None)).Value!;

        Assert.False(view.Draft);
        Assert.Equal((3, true, "FAQ"), (view.PublishedVersion, view.Public, view.Name));
        Assert.Empty(view.Errors);
    }

    [Fact]
    public async Task PublishAsync_InvalidDraft_Is400NamingTheBlockField_AndPublishesNothing()
    {
        _store.Setup(s => s.GetDraftAsync("faq", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecipeDraft(Recipe("faq", 0, "FAQ", new RecipeBlock { Id = "menu", Type = BlockTypes.Buttons, Text = "Pick", Buttons = [] }), _time.GetUtcNow()) { ETag = "d1" });

        var outcome = await Handler().PublishAsync("faq", CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, outcome.Problem!.Kind);
        Assert.Equal(["blocks.menu.buttons"], outcome.Problem.Errors!.Keys);
        _store.Verify(s => s.PublishDraftAsync(It.IsAny<Recipe>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task PublishAsync_ValidDraft_BecomesTheNextVersion_UnderTheDraftsETag_KeepingThePublicFlag()
    {
        _store.Setup(s => s.GetDraftAsync("faq", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecipeDraft(Recipe("faq", 0, "FAQ 2", Valid[0]), _time.GetUtcNow()) { ETag = "d7" });
        _store.Setup(s => s.GetHeadAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Recipe("faq", 3, "FAQ", Valid[0]), true));

        var published = (await Handler().PublishAsync("faq", CancellationToken.None)).Value!;

        Assert.Equal((4, "FAQ 2", true), (published.Version, published.Name, published.Public));
        _store.Verify(s => s.PublishDraftAsync(It.Is<Recipe>(r => r.Id == "faq" && r.Name == "FAQ 2"), "d7", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PublishAsync_DraftSavedAgainMeanwhile_Is409_NoDraft_Is409_NoRecipe_Is404()
    {
        _store.Setup(s => s.GetDraftAsync("faq", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecipeDraft(Recipe("faq", 0, "FAQ", Valid[0]), _time.GetUtcNow()) { ETag = "d1" });
        _store.Setup(s => s.PublishDraftAsync(It.IsAny<Recipe>(), "d1", It.IsAny<CancellationToken>())).ReturnsAsync((Recipe?)null);
        Assert.Equal(ProblemKind.Conflict, (await Handler().PublishAsync("faq", CancellationToken.None)).Problem!.Kind);

        _store.Setup(s => s.GetDraftAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync((RecipeDraft?)null);
        Assert.Equal(ProblemKind.NotFound, (await Handler().PublishAsync("faq", CancellationToken.None)).Problem!.Kind);
        _store.Setup(s => s.GetHeadAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Recipe("faq", 3, "FAQ", Valid[0]), false));
        Assert.Equal(ProblemKind.Conflict, (await Handler().PublishAsync("faq", CancellationToken.None)).Problem!.Kind);
    }

    [Fact]
    public async Task ListVersionsAsync_NewestFirst_EachWithWhatChangedAgainstTheOneBefore()
    {
        var hi = new RecipeBlock { Id = "hi", Type = BlockTypes.Message, Text = "Hi", Next = "menu" };
        var menu = new RecipeBlock { Id = "menu", Type = BlockTypes.Buttons, Text = "Pick", Buttons = [new RecipeButton("a", "A")] };
        var menuRelabelled = menu with { Buttons = [new RecipeButton("a", "Other label")] };
        var bye = new RecipeBlock { Id = "bye", Type = BlockTypes.End, Text = "Bye" };
        var at = _time.GetUtcNow();
        _store.Setup(s => s.ListVersionsAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new RecipeVersionRecord(Recipe("faq", 1, "FAQ", hi, menu), at),
            new RecipeVersionRecord(Recipe("faq", 2, "FAQ", hi, menu with { Buttons = [new RecipeButton("a", "A")] }), at.AddHours(1)),
            new RecipeVersionRecord(Recipe("faq", 3, "FAQ desk", bye, hi with { Next = null }, menuRelabelled), at.AddHours(2)),
            new RecipeVersionRecord(Recipe("faq", 4, "FAQ desk", bye, menuRelabelled), at.AddHours(3)),
        ]);

        var versions = (await Handler().ListVersionsAsync("faq", CancellationToken.None)).Value!.Versions;

        Assert.Equal([4, 3, 2, 1], versions.Select(v => v.Version));
        Assert.Equal("+ -hi ~ name:False start:False", Describe(versions[0].Changes));
        Assert.Equal("+bye - ~hi,menu name:True start:True", Describe(versions[1].Changes));
        // Equal content in a new list is no change: blocks compare by what they hold.
        Assert.Equal("+ - ~ name:False start:False", Describe(versions[2].Changes));
        Assert.Equal("+hi,menu - ~ name:False start:False", Describe(versions[3].Changes));
        Assert.Equal(at.AddHours(3), versions[0].PublishedAt);
    }

    [Fact]
    public async Task ListVersionsAsync_ADraftOnlyRecipe_HasNone_AnUnknownOne_Is404()
    {
        _store.Setup(s => s.ListVersionsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        Assert.Equal(ProblemKind.NotFound, (await Handler().ListVersionsAsync("faq", CancellationToken.None)).Problem!.Kind);
        _store.Setup(s => s.GetDraftAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeDraft(Recipe("faq", 0, "FAQ"), _time.GetUtcNow()));

        Assert.Empty((await Handler().ListVersionsAsync("faq", CancellationToken.None)).Value!.Versions);
    }

    private static string Describe(RecipeChanges c) =>
        $"+{string.Join(",", c.BlocksAdded)} -{string.Join(",", c.BlocksRemoved)} ~{string.Join(",", c.BlocksChanged)} name:{c.NameChanged} start:{c.StartBlockChanged}";
}
