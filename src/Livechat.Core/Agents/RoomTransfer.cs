using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Agents;

/// <summary>
/// Hands a room to a department's agents: the room is set to Waiting (under its ETag), queued, told "Connecting you
/// to an agent…", and the department's agents hear roomWaiting. Every step is idempotent, so a retried transfer
/// (a retried activity of the recipe engine, an operator clicking twice) finishes the first one and repeats nothing.
/// </summary>
public sealed partial class RoomTransfer(
    IRoomStore rooms,
    IAgentQueue queue,
    ISessionStore sessions,
    IUserStore users,
    ChatEventPublisher events,
    TimeProvider time,
    ILogger<RoomTransfer> logger,
    Routing.RoomRouting? routing = null,
    Offline.OfflineRouting? offline = null)
{
    public async Task<Outcome<RoomTransferred>> TransferAsync(string roomId, string? department, CancellationToken cancellationToken)
    {
        if (offline is not null && await offline.OfferFormIfUnansweredAsync(roomId, department, cancellationToken) is { } offered) return offered;
        if (!Ids.IsSafe(department, 64)) return Problem.Invalid("department", "Required: 1 to 64 letters, digits, '-', '_' or '.'.");

        string? leftQueue = null;
        var moved = await OptimisticConcurrency.RunAsync<Room>("room", async _ =>
        {
            var room = await rooms.GetAsync(roomId, cancellationToken);
            if (room is null) return Problem.NotFound("Room", "roomId");
            if (room.Status == RoomStatus.Ended) return Problem.Conflict("The room has ended.");
            if (room.Status == RoomStatus.Agent) return Problem.Conflict("An agent already has the room.");
            if (room.Status == RoomStatus.Waiting && room.Department == department) return room;
            leftQueue = room.Status == RoomStatus.Waiting ? room.Department : null;
            if (await rooms.TryReplaceAsync(room with
            {
                Status = RoomStatus.Waiting,
                Department = department,
                AgentId = null,
                PageAsserted = PageAssertions.Without(room.PageAsserted, PageAssertions.Department),
            }, cancellationToken) is { } saved) return saved;
            return null;
        });
        if (!moved.IsSuccess) return moved.Problem!;
        var waiting = moved.Value!;

        var visitorName = await VisitorNameAsync(waiting, cancellationToken);
        await queue.EnqueueAsync(waiting, visitorName, time.GetUtcNow(), cancellationToken);
        if (leftQueue is not null && leftQueue != department) await queue.RemoveAsync(leftQueue, roomId, cancellationToken);

        var outcome = await rooms.AppendAsync(waiting,
            new NewMessage(Sender.System, Languages.SystemLines.For(waiting.Language).Connecting, $"transfer-{roomId}-{department}"), time.GetUtcNow(), cancellationToken);
        if (outcome.Status != AppendStatus.Appended)
        {
            // It ended in between (the visitor left): no agent should pick it up.
            await queue.RemoveAsync(department!, roomId, cancellationToken);
            return outcome.Refusal();
        }
        var appended = outcome.Result;
        // Sent even when the append was a duplicate: the first attempt may have died before sending, and the widget
        // drops a message id it already shows.
        await events.PublishAsync(new ChatEvent.MessageAdded(appended.Room ?? waiting, appended.Message), cancellationToken);
        // The room after its notice, so the webhook's seq sorts chat.transferred after the message announcing it.
        await events.PublishAsync(new ChatEvent.Queued(appended.Room ?? waiting, department!, visitorName), cancellationToken);
        LogTransferred(roomId, department!);
        if (routing is not null) await routing.QueuedAsync(department!, cancellationToken);
        return new RoomTransferred(roomId, department!, RoomStatus.Waiting);
    }

    /// <summary>What the page told us the visitor is called (setUserParams), so agents can greet them.</summary>
    private async Task<string?> VisitorNameAsync(Room room, CancellationToken cancellationToken)
    {
        if (room.UserId is not null && (await users.GetAsync(room.UserId, cancellationToken))?.UserParams.Name is { } userName) return userName;
        return (await sessions.GetAsync(room.SessionId, cancellationToken))?.UserParams.Name;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} transferred to department {Department}")]
    private partial void LogTransferred(string roomId, string department);
}
