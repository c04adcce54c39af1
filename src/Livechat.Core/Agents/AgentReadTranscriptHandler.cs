using Livechat.Core.Common;
using Livechat.Core.Notes;
using Livechat.Core.Rooms;
using Livechat.Core.Rooms.Receipts;

namespace Livechat.Core.Agents;

/// <summary>
/// An agent of the room's department reads its transcript (the bot part too, before taking the room), with the
/// room's internal notes beside it and both sides' read watermarks.
/// </summary>
public sealed class AgentReadTranscriptHandler(IRoomStore rooms, INoteStore notes, IReadReceiptStore receipts, Attachments.AttachmentLinks links)
{
    public async Task<Outcome<AgentTranscript>> HandleAsync(AgentIdentity agent, string roomId, long afterSeq, CancellationToken cancellationToken)
    {
        if (afterSeq < 0) return Problem.Invalid("afterSeq", "Must be zero or more.");
        var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
        if (!loaded.IsSuccess) return loaded.Problem!;
        var read = receipts.GetAsync(roomId, cancellationToken);
        var roomNotes = notes.ListAsync(roomId, AddNoteHandler.MaxNotesPerRoom, cancellationToken);
        var messages = await rooms.ReadMessagesAsync(roomId, afterSeq, ReadTranscriptHandler.PageSize, cancellationToken);
        return new AgentTranscript(roomId, loaded.Value!.Status, await links.SignAsync(messages, cancellationToken), RoomVisitor.Of(loaded.Value)) { Notes = await roomNotes, Read = await read, Csat = loaded.Value.Csat };
    }
}
