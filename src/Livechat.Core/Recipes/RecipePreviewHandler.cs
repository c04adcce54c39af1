using Livechat.Core.Common;
using Livechat.Core.Sessions;

namespace Livechat.Core.Recipes;

/// <summary>
/// "Try it": a snapshot of the draft (or the newest version) that only a visitor session made for it runs. The
/// snapshot is stored under an id no admin or page call accepts, so it never becomes a public or default recipe; the
/// session is new, so the support lead's own chat on the site is not touched.
/// </summary>
public sealed class RecipePreviewHandler(IRecipeStore recipes, ISessionStore sessions, SessionTokenService tokens, TimeProvider time)
{
    /// <summary>How long the preview starts new chats; a chat already started runs on like any other.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<Outcome<PreviewStarted>> StartAsync(string recipeId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(recipeId, 64)) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        var draft = await recipes.GetDraftAsync(recipeId, cancellationToken);
        var source = draft?.Recipe ?? (await recipes.GetHeadAsync(recipeId, cancellationToken))?.Latest;
        if (source is null) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");
        // The interpreter runs only flows the validator passed; a draft that would not publish would not run either.
        if (RecipeValidator.Validate(source with { Id = recipeId, Version = 0 }) is { } problem) return problem;

        var now = time.GetUtcNow();
        var previewId = RecipePreview.NewId();
        var expires = now + Lifetime;
        await recipes.SavePreviewAsync(new RecipePreview(source with { Id = previewId, Version = 1 }, recipeId, expires), cancellationToken);
        var session = await sessions.CreateAsync(new VisitorSession
        {
            SessionId = SessionIds.New(now),
            VisitorId = Ids.New("v"),
            RecipeId = previewId,
            CreatedAt = now,
        }, cancellationToken);
        var (token, _) = tokens.Issue(session.SessionId, session.VisitorId);
        // The token travels in the fragment: browsers send no fragment to a server nor in a Referer.
        return new PreviewStarted(recipeId, previewId, session.SessionId, token, expires, $"/dashboard/preview/{recipeId}#session={token}");
    }

    /// <summary>The preview a session's room starts with; null when unknown or past its lifetime.</summary>
    public static async Task<Recipe?> LiveAsync(IRecipeStore recipes, string previewId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await recipes.GetPreviewAsync(previewId, cancellationToken) is { } preview && preview.ExpiresAt > now ? preview.Recipe : null;
}

/// <summary>A preview to open: the page at <paramref name="PageUrl"/> runs the widget with <paramref name="Token"/>.</summary>
public sealed record PreviewStarted(string RecipeId, string PreviewId, string SessionId, string Token, DateTimeOffset ExpiresAt, string PageUrl);
