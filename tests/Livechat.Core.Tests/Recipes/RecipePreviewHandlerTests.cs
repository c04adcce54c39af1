using Livechat.Core.Common;
using Livechat.Core.Recipes;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Recipes;

/// <summary>"Try it": a snapshot only its own new session runs, under an id no page or admin call accepts.</summary>
public sealed class RecipePreviewHandlerTests
{
    private readonly Mock<IRecipeStore> _store = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero));
    private readonly SessionTokenService _tokens;
    private readonly List<RecipePreview> _previews = [];
    private readonly List<VisitorSession> _created = [];

    public RecipePreviewHandlerTests()
    {
        _tokens = new SessionTokenService(Options.Create(new SessionOptions { SigningKey = "unit-test-signing-key-0123456789abcdef" }), _time);
        _store.Setup(s => s.SavePreviewAsync(It.IsAny<RecipePreview>(), It.IsAny<CancellationToken>()))
            .Callback((RecipePreview p, CancellationToken _) => _previews.Add(p)).Returns(Task.CompletedTask);
        _sessions.Setup(s => s.CreateAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VisitorSession s, CancellationToken _) => { _created.Add(s); return s; });
    }

    private RecipePreviewHandler Handler() => new(_store.Object, _sessions.Object, _tokens, _time);

    private static Recipe Draft(string text) => new()
    {
        Id = "faq", Name = "FAQ", StartBlockId = "hi", Blocks = [new RecipeBlock { Id = "hi", Type = BlockTypes.End, Text = text }],
    };

    [Fact]
    public async Task StartAsync_SnapshotsTheDraft_ForANewSessionThatRunsIt_WithAPageUrlCarryingItsToken()
    {
        _store.Setup(s => s.GetDraftAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeDraft(Draft("Draft hello"), _time.GetUtcNow()));
        _store.Setup(s => s.GetHeadAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Draft("Published hello") with { Version = 2 }, true));

        var started = (await Handler().StartAsync("faq", CancellationToken.None)).Value!;

        var preview = Assert.Single(_previews);
        Assert.True(RecipePreview.IsPreviewId(preview.Recipe.Id));
        Assert.Equal((1, "Draft hello", "faq"), (preview.Recipe.Version, preview.Recipe.Blocks[0].Text, preview.SourceRecipeId));
        Assert.Equal(_time.GetUtcNow() + RecipePreviewHandler.Lifetime, preview.ExpiresAt);
        var session = Assert.Single(_created);
        Assert.Equal(preview.Recipe.Id, session.RecipeId);
        Assert.Equal(session.SessionId, _tokens.Validate(started.Token)!.SessionId);
        Assert.Equal($"/dashboard/preview/faq#session={started.Token}", started.PageUrl);
        // Nothing visitors get changes: no version, no default, no public flag.
        _store.Verify(s => s.SaveNewVersionAsync(It.IsAny<Recipe>(), It.IsAny<CancellationToken>()), Times.Never);
        _store.Verify(s => s.SetDefaultIdAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _store.Verify(s => s.SetPublicAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task StartAsync_ADraftThatWouldNotPublish_Is400NamingTheBlock_AndStartsNothing()
    {
        _store.Setup(s => s.GetDraftAsync("faq", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecipeDraft(Draft("x") with { Blocks = [new RecipeBlock { Id = "hi", Type = BlockTypes.Message, Text = "Hi", Next = "gone" }] }, _time.GetUtcNow()));

        var outcome = await Handler().StartAsync("faq", CancellationToken.None);

        Assert.Equal(["blocks.hi.next"], outcome.Problem!.Errors!.Keys);
        Assert.Empty(_previews);
        Assert.Empty(_created);
    }

    [Fact]
    public async Task StartAsync_UnknownRecipe_Is404()
    {
        Assert.Equal(ProblemKind.NotFound, (await Handler().StartAsync("faq", CancellationToken.None)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await Handler().StartAsync("~preview-x", CancellationToken.None)).Problem!.Kind);
        Assert.Empty(_created);
    }

    [Fact]
    public async Task APreviewId_CanBeNeitherTheDefaultNorChosenByAPage()
    {
        var id = RecipePreview.NewId();
        _store.Setup(s => s.GetLatestAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(Draft("x") with { Id = id });
        _store.Setup(s => s.GetHeadAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Draft("x") with { Id = id }, true));
        var admin = new RecipeAdminHandler(_store.Object, Options.Create(new RecipeOptions()));

        Assert.Equal(ProblemKind.Validation, (await admin.SetDefaultAsync(new DefaultRecipeRequest(id), CancellationToken.None)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await admin.SetVisibilityAsync(id, new RecipeVisibilityRequest(true), CancellationToken.None)).Problem!.Kind);
        var page = new SetRecipeHandler(new SessionUpdater(_sessions.Object), _store.Object);
        var session = new VisitorSession { SessionId = "s-1", VisitorId = "v-1", CreatedAt = _time.GetUtcNow() };
        Assert.Equal(ProblemKind.Validation, (await page.HandleAsync(session, id, CancellationToken.None)).Problem!.Kind);
        _store.Verify(s => s.SetDefaultIdAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
