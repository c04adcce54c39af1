using Livechat.Core.Attachments;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Agents;

/// <summary>
/// The claiming agent writes to the visitor. Stored in the transcript first, then sent as a message event to the
/// visitor (the widget's onIncomingMessage) and to the room's agents (the agent's other tabs).
/// </summary>
public sealed class AgentPostMessageHandler(
    IRoomStore rooms,
    RoomSnapshots snapshots,
    ChatEventPublisher events,
    IOptions<RoomOptions> options,
    AttachmentVerifier attachments,
    AttachmentLinks links,
    TimeProvider time)
{
    public async Task<Outcome<ChatMessage>> HandleAsync(AgentIdentity agent, string roomId, AgentMessageRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(request.ClientMessageId, 64))
            return Problem.Invalid("clientMessageId", "Required: 1 to 64 letters, digits, '-', '_' or '.'.");
        var hasAttachment = request.AttachmentId is not null;
        if (string.IsNullOrWhiteSpace(request.Text) && !hasAttachment) return Problem.Invalid("text", "Required: a non-empty text, or an attachmentId.");
        if (request.Text is not null && request.Text.Length > options.Value.MaxMessageLength)
            return Problem.Invalid("text", $"At most {options.Value.MaxMessageLength} characters.");

        var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
        if (!loaded.IsSuccess) return loaded.Problem!;
        var room = loaded.Value!;
        if (room.Status == RoomStatus.Ended) return Problem.Conflict("The room has ended.");
        if (room.Status != RoomStatus.Agent || room.AgentId != agent.AgentId) return AgentRoomAccess.NotYours();
        ChatAttachment? attachment = null;
        if (hasAttachment)
        {
            var verified = await attachments.VerifyAsync(roomId, request.AttachmentId!, cancellationToken);
            if (!verified.IsSuccess) return verified.Problem!;
            attachment = verified.Value;
        }

        var outcome = await rooms.AppendAsync(room,
            new NewMessage(Sender.Agent, request.Text?.Trim() ?? "", $"agent-{agent.AgentId}-{request.ClientMessageId}",
                ClientMessageId: request.ClientMessageId, AgentId: agent.AgentId, Attachment: attachment),
            time.GetUtcNow(), cancellationToken);
        // The room was there a moment ago: it ended (or was erased) in between.
        if (outcome.Status != AppendStatus.Appended) return outcome.Refusal();
        var appended = outcome.Result;
        // The visitor's next message starts from the room as this one left it (an agent's read stays fresh: whose
        // room it is can change).
        snapshots.Remember(appended.Room);

        // Sent on a retried (duplicate) send too: the first attempt may have died before sending; clients drop ids they show.
        var message = await links.SignAsync(appended.Message, cancellationToken);
        await events.PublishAsync(new ChatEvent.MessageAdded(appended.Room ?? room, message), cancellationToken);
        return message;
    }
}
