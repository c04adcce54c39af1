using Livechat.Core.Common;
using Livechat.Core.Sessions;

namespace Livechat.Core.Rooms;

/// <summary>closeWidget: ends the visitor's room and stops its orchestration.</summary>
public sealed class CloseRoomHandler(IRoomStore rooms, RoomCloser closer, IRoomOrchestrations orchestrations)
{
    public async Task<Outcome<RoomClosed>> HandleAsync(VisitorSession session, string roomId, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(roomId, cancellationToken);
        if (room is null || !room.BelongsTo(session)) return Problem.NotFound("Room", "roomId");
        return await CloseAsync(roomId, EndReasons.ClosedByVisitor, cancellationToken);
    }

    /// <summary>Ends a room already known to be the caller's (also used by logout).</summary>
    internal async Task<RoomClosed> CloseAsync(string roomId, string reason, CancellationToken cancellationToken)
    {
        var ended = await closer.CloseAsync(roomId, reason, cancellationToken);
        await orchestrations.SignalAsync(roomId, RoomSignal.End(reason), cancellationToken);
        return new RoomClosed(roomId, ended?.Status ?? RoomStatus.Ended);
    }
}

public sealed record RoomClosed(string RoomId, RoomStatus Status);
