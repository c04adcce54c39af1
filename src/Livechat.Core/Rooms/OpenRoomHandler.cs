using Livechat.Core.Common;
using Livechat.Core.CustomFields;
using Livechat.Core.Realtime;
using Livechat.Core.Recipes;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Rooms;

/// <summary>
/// openWidget: returns the caller's open room or starts one. Idempotent: a new room id is first claimed, under
/// an ETag, on whatever holds the open-room pointer (the user when logged in, so every device shares it; else the
/// session), so a double click or two tabs converge on one room.
/// </summary>
public sealed partial class OpenRoomHandler(
    ISessionStore sessions,
    IUserStore users,
    IRoomStore rooms,
    IRecipeStore recipes,
    ICustomFieldStore fields,
    IRoomOrchestrations orchestrations,
    ChatEventPublisher events,
    IOptions<RoomOptions> roomOptions,
    IOptions<RecipeOptions> recipeOptions,
    Limits.SessionRateLimiter limiter,
    Limits.ClientRateLimiter clients,
    IdleRooms idle,
    RoomGreeting greeting,
    TimeProvider time,
    ILogger<OpenRoomHandler> logger)
{
    /// <param name="client">Whom the per-address limit on new chats counts.</param>
    public Task<Outcome<RoomOpened>> HandleAsync(VisitorSession session, Limits.ClientKey client, CancellationToken cancellationToken) =>
        HandleAsync(session, client, new OpenRoomRequest(null), cancellationToken);

    /// <param name="client">Whom the per-address limit on new chats counts.</param>
    /// <param name="request">The widget's body: the visitor's language, kept by a room this call starts (an open room keeps its own).</param>
    public async Task<Outcome<RoomOpened>> HandleAsync(VisitorSession session, Limits.ClientKey client, OpenRoomRequest request, CancellationToken cancellationToken)
    {
        if (request.Language is not null && !Languages.LanguageTags.IsValid(request.Language)) return Problem.Invalid("language", Languages.LanguageTags.Shape);
        var language = request.Language is null ? null : Languages.LanguageTags.Normalize(request.Language);
        var slot = await LoadSlotAsync(session, reload: false, cancellationToken);
        return await OptimisticConcurrency.RunAsync<RoomOpened>(session.UserId is null ? "session" : "user", async attempt =>
        {
            if (slot.OpenRoomId is { } openId)
            {
                var existing = await rooms.GetAsync(openId, cancellationToken);
                if (existing is not null && existing.Status != RoomStatus.Ended)
                    return new RoomOpened(existing.RoomId, existing.Status, Created: false);
                // Claimed but not yet created: by a request still running, or one that died. Finish it, idempotently.
                if (existing is null) return await CreateRoomAsync(session, openId, language, cancellationToken);
            }

            if (attempt == 0 && (limiter.TryRoom(session.SessionId) ?? await clients.TryRoomAsync(client, cancellationToken)) is { } tooMany) return tooMany;
            if (await slot.TryClaimAsync(Ids.New("r"), cancellationToken) is { } claimed) return await CreateRoomAsync(session, claimed, language, cancellationToken);
            slot = await LoadSlotAsync(session, reload: true, cancellationToken);
            return null;
        });
    }

    private async Task<Outcome<RoomOpened>> CreateRoomAsync(VisitorSession session, string roomId, string? language, CancellationToken cancellationToken)
    {
        var recipeId = session.RecipeId ?? await recipes.GetDefaultIdAsync(cancellationToken) ?? recipeOptions.Value.DefaultRecipeId;
        // Only the dashboard's preview call makes a session with a preview id (no page call accepts one).
        var recipe = RecipePreview.IsPreviewId(recipeId)
            ? await RecipePreviewHandler.LiveAsync(recipes, recipeId, time.GetUtcNow(), cancellationToken)
            : await recipes.GetLatestAsync(recipeId, cancellationToken);
        if (recipe is null) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");

        // Room fields set before the room opened belong to this room.
        await fields.CopyAsync(FieldOwner.PendingRoom(session.SessionId), FieldOwner.Room(roomId), deleteSource: true, cancellationToken);
        var planned = new Room
        {
            RoomId = roomId,
            SessionId = session.SessionId,
            VisitorId = session.VisitorId,
            UserId = session.UserId,
            UserVerified = session.UserVerified,
            PageAsserted = PageAssertions.Of(session),
            RealtimeUserId = session.RealtimeUserId,
            RecipeId = recipe.Id,
            RecipeVersion = recipe.Version,
            Department = session.Department,
            CreatedAt = time.GetUtcNow(),
            Language = language,
        };
        var (first, deferred) = await greeting.PlanAsync(planned, recipe, session.UserId is null ? session.UserParams : null, cancellationToken);
        var (room, created) = await rooms.CreateAsync(planned with { DeferredFlow = deferred }, cancellationToken);

        if (created)
        {
            await idle.EnsureSweepingAsync(cancellationToken);
            await events.PublishAsync(new ChatEvent.Started(room), cancellationToken);
            LogRoomOpened(roomId, recipe.Id, recipe.Version, room.DeferredFlow is not null);
        }

        // Done by every request that got here, not only the creator: both are idempotent, and a creator that died
        // between storing the room and greeting (or starting its orchestration) must not leave a room without a bot.
        if (room.DeferredFlow is null)
        {
            await orchestrations.StartAsync(RoomOrchestrationInput.For(roomId, roomOptions.Value, deferred: false), cancellationToken);
            return new RoomOpened(roomId, room.Status, created);
        }
        await idle.WatchAsync(room, cancellationToken);
        return new RoomOpened(roomId, (await greeting.DeliverAsync(room, first, cancellationToken))?.Status ?? room.Status, created);
    }

    /// <summary>The session just authenticated is fresh enough to start with; after a lost claim it is read again.</summary>
    private async Task<OpenRoomSlot> LoadSlotAsync(VisitorSession session, bool reload, CancellationToken cancellationToken)
    {
        if (session.UserId is null)
        {
            var fresh = reload ? await sessions.GetAsync(session.SessionId, cancellationToken) ?? session : session;
            return new OpenRoomSlot(fresh.OpenRoomId, async (roomId, ct) => (await sessions.TryReplaceAsync(fresh with { OpenRoomId = roomId }, ct))?.OpenRoomId);
        }
        var user = await users.GetOrCreateAsync(new ChatUser { UserId = session.UserId, CreatedAt = time.GetUtcNow() }, cancellationToken);
        return new OpenRoomSlot(user.OpenRoomId, async (roomId, ct) => (await users.TryReplaceAsync(user with { OpenRoomId = roomId }, ct))?.OpenRoomId);
    }

    /// <summary>Where the open-room pointer lives, with a conditional claim of a new room id.</summary>
    private sealed record OpenRoomSlot(string? OpenRoomId, Func<string, CancellationToken, Task<string?>> TryClaimAsync);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened room {RoomId} with recipe {RecipeId} v{RecipeVersion} (bot deferred: {Deferred})")]
    private partial void LogRoomOpened(string roomId, string recipeId, int recipeVersion, bool deferred);
}

/// <summary>The room openWidget shows; <paramref name="Created"/> when this call started it.</summary>
public sealed record RoomOpened(string RoomId, RoomStatus Status, bool Created);
