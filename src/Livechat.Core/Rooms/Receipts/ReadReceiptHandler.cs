using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Sessions;

namespace Livechat.Core.Rooms.Receipts;

/// <summary>
/// "Seen up to seq N" from either side of a room: stored as that side's watermark (forward only) and told to the other
/// side as a <see cref="ChatEvent.Read"/>. Each side of a room is looked at most once per <see cref="Interval"/> on an
/// instance, so a client reporting every scroll costs one store write a second at most; a throttled report answers
/// <see cref="ReadRecorded.Throttled"/> and the client reports its newest seq again after the interval, so the last
/// read is never lost.
/// </summary>
public sealed class ReadReceiptHandler(RoomSnapshots snapshots, IRoomStore rooms, IReadReceiptStore receipts, ChatEventPublisher events, TimeProvider time)
    : IDisposable
{
    /// <summary>The shortest time between two reports of one side of a room that are looked at.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly OncePerInterval _gate = new(Interval, time, RoomSnapshots.Capacity);

    public async Task<Outcome<ReadRecorded>> VisitorAsync(VisitorSession session, string roomId, ReadRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(roomId)) return Problem.NotFound("Room", "roomId");
        if (Invalid(request) is { } invalid) return invalid;
        var seq = request.Seq!.Value;
        var room = await snapshots.GetAsync(roomId, cancellationToken);
        // A snapshot may predate the message read (another instance appended it) or the user's claim on the room.
        if (room is not null && (!room.BelongsTo(session) || room.NextSeq <= seq)) room = await snapshots.ReadAsync(roomId, cancellationToken);
        if (room is null || !room.BelongsTo(session)) return Problem.NotFound("Room", "roomId");
        return await RecordAsync(room, Sender.Visitor, seq, cancellationToken);
    }

    /// <summary>Only the agent who holds the room moves the agent's watermark: a colleague looking in has not answered.</summary>
    public async Task<Outcome<ReadRecorded>> AgentAsync(AgentIdentity agent, string roomId, ReadRequest request, CancellationToken cancellationToken)
    {
        if (Invalid(request) is { } invalid) return invalid;
        var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
        if (!loaded.IsSuccess) return loaded.Problem!;
        var room = loaded.Value!;
        if (room.AgentId != agent.AgentId) return AgentRoomAccess.NotYours();
        return await RecordAsync(room, Sender.Agent, request.Seq!.Value, cancellationToken);
    }

    private async Task<Outcome<ReadRecorded>> RecordAsync(Room room, Sender reader, long seq, CancellationToken cancellationToken)
    {
        if (seq > room.NextSeq - 1) return Problem.Invalid("seq", "Beyond the room's last message.");
        if (!_gate.TryPass($"{room.RoomId}/{reader}")) return new ReadRecorded(seq, Throttled: true);
        var (stored, moved) = await receipts.AdvanceAsync(room.RoomId, reader, seq, cancellationToken);
        if (moved) await events.PublishAsync(new ChatEvent.Read(room, reader, stored), cancellationToken);
        return new ReadRecorded(stored, Throttled: false);
    }

    private static Problem? Invalid(ReadRequest request) =>
        request.Seq is not { } seq ? Problem.Invalid("seq", "Required: the sequence number of the last message seen.")
        : seq < 1 ? Problem.Invalid("seq", "Must be 1 or more.")
        : null;

    public void Dispose() => _gate.Dispose();
}
