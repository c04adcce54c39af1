using Livechat.Core.Common;
using Livechat.Core.Rooms.Receipts;
using Livechat.Core.Sessions;

namespace Livechat.Core.Rooms;

/// <summary>Reads a room's transcript so a reloaded page or another device shows the chat so far.</summary>
public sealed class ReadTranscriptHandler(IRoomStore rooms, IReadReceiptStore receipts, Attachments.AttachmentLinks links, Routing.QueuePositions positions)
{
    public const int PageSize = 500;

    public async Task<Outcome<Transcript>> HandleAsync(VisitorSession session, string roomId, long afterSeq, CancellationToken cancellationToken)
    {
        if (afterSeq < 0) return Problem.Invalid("afterSeq", "Must be zero or more.");
        var room = await rooms.GetAsync(roomId, cancellationToken);
        if (room is null || !room.BelongsTo(session)) return Problem.NotFound("Room", "roomId");
        var read = receipts.GetAsync(roomId, cancellationToken);
        var queued = positions.OfAsync(room, cancellationToken);
        var messages = await rooms.ReadMessagesAsync(roomId, afterSeq, PageSize, cancellationToken);
        return new Transcript(roomId, room.Status, await links.SignAsync(messages, cancellationToken))
        {
            Read = await read,
            Offline = room.Offline,
            CsatPending = room.Status == RoomStatus.Ended && room.AgentId is not null && room.Csat is null,
            Queue = await queued,
        };
    }
}

public sealed record Transcript(string RoomId, RoomStatus Status, IReadOnlyList<ChatMessage> Messages)
{
    /// <summary>How far each side has seen the room: the widget shows "Seen" under the agent's mark after a reload.</summary>
    public ReadWatermarks Read { get; init; } = ReadWatermarks.None;
    /// <summary>Set when a transfer offered the offline form (a reloaded widget shows it again) or a message was left.</summary>
    public Offline.OfflineState? Offline { get; init; }
    /// <summary>The chat with an agent ended and the visitor has not rated it: the widget asks.</summary>
    public bool CsatPending { get; init; }
    /// <summary>While the room waits for an agent: its place and rough wait, as the queuePosition event last said.</summary>
    public Routing.QueuePositionEvent? Queue { get; init; }
}
