using Livechat.Core.Common;
using Livechat.Core.Recipes;
using Livechat.Core.Sessions;
using Moq;

namespace Livechat.Core.Tests.Sessions;

/// <summary>setRecipe: a page may pick only a recipe the admin made public, and cannot tell a private one from none.</summary>
public sealed class SetRecipeHandlerTests
{
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<IRecipeStore> _recipes = new();
    private readonly VisitorSession _session = new() { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch, ETag = "1" };

    public SetRecipeHandlerTests()
    {
        _sessions.Setup(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VisitorSession s, CancellationToken _) => s with { ETag = "2" });
        _recipes.Setup(r => r.GetHeadAsync("faq", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Recipe("faq"), Public: true));
        _recipes.Setup(r => r.GetHeadAsync("internal", It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(Recipe("internal"), Public: false));
    }

    [Fact]
    public async Task HandleAsync_PublicRecipe_IsStoredOnTheSession()
    {
        var outcome = await Handler().HandleAsync(_session, "faq", CancellationToken.None);

        Assert.Equal("faq", outcome.Value!.RecipeId);
        _sessions.Verify(s => s.TryReplaceAsync(It.Is<VisitorSession>(v => v.RecipeId == "faq"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_PrivateRecipe_AnswersExactlyLikeAnUnknownOne_AndWritesNothing()
    {
        var secret = await Handler().HandleAsync(_session, "internal", CancellationToken.None);
        var unknown = await Handler().HandleAsync(_session, "nothere", CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, secret.Problem!.Kind);
        Assert.Equal(["recipeId"], secret.Problem.Errors!.Keys);
        Assert.Equal(Normalized(unknown.Problem!, "nothere"), Normalized(secret.Problem, "internal"));
        _sessions.Verify(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_UnsafeId_IsInvalid_WithoutReadingRecipes()
    {
        var outcome = await Handler().HandleAsync(_session, "a b", CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, outcome.Problem!.Kind);
        _recipes.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_Null_ReturnsToTheDefault_WithoutAskingWhetherAnythingIsPublic()
    {
        var chosen = _session with { RecipeId = "faq" };

        var outcome = await Handler().HandleAsync(chosen, null, CancellationToken.None);

        Assert.Null(outcome.Value!.RecipeId);
        _recipes.VerifyNoOtherCalls();
    }

    /// <summary>The problem with the id the caller sent taken out: what is left must not depend on the recipe.</summary>
    private static string Normalized(Problem problem, string id) =>
        $"{problem.Kind}|{problem.Title}|{problem.Detail}|{string.Join(";", problem.Errors!.Select(e => $"{e.Key}={string.Join(",", e.Value)}"))}".Replace(id, "ID");

    private static Recipe Recipe(string id) => new() { Id = id, Name = id, StartBlockId = "hi", Blocks = [], Version = 1 };

    private SetRecipeHandler Handler() => new(new SessionUpdater(_sessions.Object), _recipes.Object);
}
