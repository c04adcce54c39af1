using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Departments;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Offline;

/// <summary>
/// Decides, before a transfer queues a room, whether anybody can answer: outside the department's business hours, or
/// with nobody online for it, the room is marked <see cref="OfflineState.Offered"/> (waiting in no queue) and the
/// visitor's widget shows the offline form instead of "Connecting you to an agent…". Idempotent like the transfer:
/// a retried transfer of a room already offered the form answers the same.
/// </summary>
public sealed partial class OfflineRouting(
    IDepartmentStore departments,
    IAgentAvailability availability,
    IRoomStore rooms,
    ChatEventPublisher events,
    IOptions<OfflineOptions> options,
    TimeProvider time,
    ILogger<OfflineRouting> logger)
{
    /// <summary>Null: somebody can answer, the transfer goes on. Otherwise the transfer's answer, the room offered the form.</summary>
    public async Task<Outcome<RoomTransferred>?> OfferFormIfUnansweredAsync(string roomId, string? department, CancellationToken cancellationToken)
    {
        // The transfer answers a bad department or room itself.
        if (!Ids.IsSafe(department, 64) || !Ids.IsSafe(roomId)) return null;
        var reason = await ReasonAsync(department!, cancellationToken);
        if (reason is null) return null;

        var marked = await OptimisticConcurrency.RunAsync<Room?>("room", async _ =>
        {
            var room = await rooms.GetAsync(roomId, cancellationToken);
            // Rooms an agent has, ended or already queued are the transfer's to answer.
            if (room is null || room.Status is RoomStatus.Ended or RoomStatus.Agent || (room.Status == RoomStatus.Waiting && room.Offline is null))
                return Outcome<Room?>.Ok(null);
            if (room.Offline is not null) return Outcome<Room?>.Ok(room);
            var offered = room with
            {
                Status = RoomStatus.Waiting,
                Department = department,
                AgentId = null,
                Offline = OfflineState.Offered,
                PageAsserted = PageAssertions.Without(room.PageAsserted, PageAssertions.Department),
            };
            if (await rooms.TryReplaceAsync(offered, cancellationToken) is { } saved) return Outcome<Room?>.Ok(saved);
            return null;
        });
        if (!marked.IsSuccess) return marked.Problem!;
        if (marked.Value is not { } room) return null;
        // Sent on a retry too: the first attempt may have died before sending; the widget shows the form once.
        await events.PublishAsync(new ChatEvent.OfflineFormOffered(room, reason), cancellationToken);
        LogOffered(roomId, department!, reason);
        return new RoomTransferred(roomId, department!, RoomStatus.Waiting) { Offline = true };
    }

    private async Task<string?> ReasonAsync(string department, CancellationToken cancellationToken)
    {
        var hours = (await departments.GetAsync(department, cancellationToken))?.Hours;
        if (hours is not null && !hours.IsOpen(time.GetUtcNow())) return OfflineReasons.Closed;
        if (options.Value.WhenNobodyOnline && !await availability.AnyoneOnlineAsync(department, cancellationToken)) return OfflineReasons.NobodyOnline;
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} offered the offline form for department {Department}: {Reason}")]
    private partial void LogOffered(string roomId, string department, string reason);
}
