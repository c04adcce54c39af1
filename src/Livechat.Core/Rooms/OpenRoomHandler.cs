using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Recipes;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Rooms;

/// <summary>
/// openWidget: returns the visitor's open room or starts one. Idempotent: the room id is claimed on the session
/// with its ETag first, so a double click or two tabs converge on one room.
/// </summary>
public sealed partial class OpenRoomHandler(
    ISessionStore sessions,
    IRoomStore rooms,
    IRecipeStore recipes,
    IRoomOrchestrations orchestrations,
    IRealtimePublisher realtime,
    IOptions<RoomOptions> roomOptions,
    IOptions<RecipeOptions> recipeOptions,
    TimeProvider time,
    ILogger<OpenRoomHandler> logger)
{
    public async Task<Outcome<RoomOpened>> HandleAsync(VisitorSession session, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (session.OpenRoomId is { } openId)
            {
                var existing = await rooms.GetAsync(openId, cancellationToken);
                if (existing is not null && existing.Status != RoomStatus.Ended)
                    return new RoomOpened(existing.RoomId, existing.Status, Created: false);
                if (existing is null)
                {
                    // Claimed but not yet created: by a request still running, or one that died. Finish it, idempotently.
                    var resumed = await CreateRoomAsync(session, openId, cancellationToken);
                    if (!resumed.IsSuccess) return resumed.Problem!;
                    return resumed.Value!;
                }
            }

            var claimed = await sessions.TryReplaceAsync(session with { OpenRoomId = Ids.New("r") }, cancellationToken);
            if (claimed is null)
            {
                session = await sessions.GetAsync(session.SessionId, cancellationToken)
                    ?? throw new InvalidOperationException("The session vanished while opening a room.");
                continue;
            }
            return await CreateRoomAsync(claimed, claimed.OpenRoomId!, cancellationToken);
        }
        return Problem.Conflict("The room could not be opened.", "Too many concurrent changes to this session; try again.");
    }

    private async Task<Outcome<RoomOpened>> CreateRoomAsync(VisitorSession session, string roomId, CancellationToken cancellationToken)
    {
        var recipeId = session.RecipeId ?? recipeOptions.Value.DefaultRecipeId;
        var recipe = await recipes.GetLatestAsync(recipeId, cancellationToken);
        if (recipe is null) return Problem.NotFound($"Recipe '{recipeId}'", "recipeId");

        var room = await rooms.CreateAsync(new Room
        {
            RoomId = roomId,
            SessionId = session.SessionId,
            VisitorId = session.VisitorId,
            UserId = session.UserId,
            RealtimeUserId = session.RealtimeUserId,
            RecipeId = recipe.Id,
            RecipeVersion = recipe.Version,
            Department = session.Department,
            CreatedAt = time.GetUtcNow(),
        }, cancellationToken);

        var options = roomOptions.Value;
        await orchestrations.StartAsync(new RoomOrchestrationInput(roomId, options.InactivityTimeout, options.TurnsPerGeneration), cancellationToken);
        await realtime.SendToUserAsync(room.RealtimeUserId, RealtimeEvents.ChatStarted, new RoomEvent(roomId), cancellationToken);
        LogRoomOpened(roomId, recipe.Id, recipe.Version);
        return new RoomOpened(roomId, room.Status, Created: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened room {RoomId} with recipe {RecipeId} v{RecipeVersion}")]
    private partial void LogRoomOpened(string roomId, string recipeId, int recipeVersion);
}

/// <summary>The room openWidget shows; <paramref name="Created"/> when this call started it.</summary>
public sealed record RoomOpened(string RoomId, RoomStatus Status, bool Created);
