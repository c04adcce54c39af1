using Livechat.Core.Common;
using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>An agent of the room's department reads its transcript (the bot part too, before taking the room).</summary>
public sealed class AgentReadTranscriptHandler(IRoomStore rooms, Attachments.AttachmentLinks links)
{
    public async Task<Outcome<AgentTranscript>> HandleAsync(AgentIdentity agent, string roomId, long afterSeq, CancellationToken cancellationToken)
    {
        if (afterSeq < 0) return Problem.Invalid("afterSeq", "Must be zero or more.");
        var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
        if (!loaded.IsSuccess) return loaded.Problem!;
        var messages = await rooms.ReadMessagesAsync(roomId, afterSeq, ReadTranscriptHandler.PageSize, cancellationToken);
        return new AgentTranscript(roomId, loaded.Value!.Status, await links.SignAsync(messages, cancellationToken), RoomVisitor.Of(loaded.Value));
    }
}
