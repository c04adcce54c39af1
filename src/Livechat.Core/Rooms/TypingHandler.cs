using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Sessions;

namespace Livechat.Core.Rooms;

/// <summary>
/// "Is typing" between the visitor and the agent who holds the room: a realtime event only, never stored. Each side
/// is heard at most once per <see cref="Interval"/> per room on an instance, whatever a client sends, so a chatty or
/// hostile client costs no more than that in sends; a bot-held room has nobody to tell.
/// </summary>
public sealed class TypingHandler(RoomSnapshots snapshots, IRoomStore rooms, ChatEventPublisher events, TimeProvider time) : IDisposable
{
    /// <summary>The shortest time between two typing events of one side of a room.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly OncePerInterval _gate = new(Interval, time, RoomSnapshots.Capacity);

    public async Task<Outcome<Typed>> VisitorAsync(VisitorSession session, string roomId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(roomId)) return Problem.NotFound("Room", "roomId");
        if (!_gate.TryPass($"{roomId}/visitor")) return Typed.Skipped;
        var room = await snapshots.GetAsync(roomId, cancellationToken);
        // A snapshot may predate the agent's claim (another instance wrote it): look again before saying nobody listens.
        if (room is not null && (room.Status != RoomStatus.Agent || !room.BelongsTo(session))) room = await snapshots.ReadAsync(roomId, cancellationToken);
        if (room is null || !room.BelongsTo(session)) return Problem.NotFound("Room", "roomId");
        if (room.Status != RoomStatus.Agent) return Typed.Skipped;
        await events.PublishAsync(new ChatEvent.Typing(room, Sender.Visitor), cancellationToken);
        return Typed.Sent;
    }

    public async Task<Outcome<Typed>> AgentAsync(AgentIdentity agent, string roomId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(roomId)) return Problem.NotFound("Room", "roomId");
        if (!_gate.TryPass($"{roomId}/agent")) return Typed.Skipped;
        var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
        if (!loaded.IsSuccess) return loaded.Problem!;
        var room = loaded.Value!;
        if (room.Status != RoomStatus.Agent || room.AgentId != agent.AgentId) return AgentRoomAccess.NotYours();
        await events.PublishAsync(new ChatEvent.Typing(room, Sender.Agent), cancellationToken);
        return Typed.Sent;
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>Whether the other side was told (<c>false</c>: too soon after the last time, or nobody to tell).</summary>
public sealed record Typed(bool Delivered)
{
    public static Typed Sent { get; } = new(true);

    public static Typed Skipped { get; } = new(false);
}
