using Livechat.Core.Attachments;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Rooms;

/// <summary>
/// A visitor sends a message or clicks a button. The message is stored in the transcript first; only then is the
/// room's orchestration woken and the message fanned out, so the orchestration never holds the only copy.
/// </summary>
public sealed class PostMessageHandler(
    IRoomStore rooms,
    RoomSnapshots snapshots,
    IRoomOrchestrations orchestrations,
    ChatEventPublisher events,
    IOptions<RoomOptions> options,
    Limits.SessionRateLimiter limiter,
    AttachmentVerifier attachments,
    AttachmentLinks links,
    TimeProvider time)
{
    public async Task<Outcome<ChatMessage>> HandleAsync(VisitorSession session, string roomId, PostMessageRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(request.ClientMessageId, 64))
            return Problem.Invalid("clientMessageId", "Required: 1 to 64 letters, digits, '-', '_' or '.'.");
        var hasText = !string.IsNullOrWhiteSpace(request.Text);
        var hasButton = request.ButtonId is not null;
        var hasAttachment = request.AttachmentId is not null;
        if (!hasText && !hasButton && !hasAttachment)
            return Problem.Invalid("text", "Send a non-empty text, a buttonId (with the button's label as text) or an attachmentId.");
        if (hasButton && hasAttachment) return Problem.Invalid("attachmentId", "A button choice carries no attachment.");
        if (hasText && request.Text!.Length > options.Value.MaxMessageLength)
            return Problem.Invalid("text", $"At most {options.Value.MaxMessageLength} characters.");
        if (hasButton && !Ids.IsSafe(request.ButtonId, 64))
            return Problem.Invalid("buttonId", "1 to 64 letters, digits, '-', '_' or '.'.");

        if (limiter.TryMessage(session.SessionId) is { } tooMany) return tooMany;

        var room = await snapshots.GetAsync(roomId, cancellationToken);
        if (room is not null && !room.BelongsTo(session)) room = await snapshots.ReadAsync(roomId, cancellationToken);
        if (room is null || !room.BelongsTo(session)) return Problem.NotFound("Room", "roomId");
        if (room.Status == RoomStatus.Ended) return RoomEnded();
        ChatAttachment? attachment = null;
        if (hasAttachment)
        {
            var verified = await attachments.VerifyAsync(roomId, request.AttachmentId!, cancellationToken);
            if (!verified.IsSuccess) return verified.Problem!;
            attachment = verified.Value;
        }

        // A button choice keeps its label as text, so the transcript reads as the visitor saw it.
        var text = hasText ? request.Text!.Trim() : hasButton ? request.ButtonId! : "";
        // The first message of a greeted room starts its bot: the flag goes with the message's write.
        var startsFlow = room.DeferredFlow is { Started: false } && room.Status == RoomStatus.Open;
        var outcome = await rooms.AppendAsync(startsFlow ? room with { DeferredFlow = room.DeferredFlow! with { Started = true } } : room,
            new NewMessage(Sender.Visitor, text, $"c-{request.ClientMessageId}", ClientMessageId: request.ClientMessageId, ButtonId: request.ButtonId, Attachment: attachment),
            time.GetUtcNow(), cancellationToken);
        if (outcome.Status != AppendStatus.Appended)
        {
            // The room was there a moment ago: it ended (or was erased) in between.
            snapshots.Forget(roomId);
            return outcome.Refusal(RoomEndedDetail);
        }
        var appended = outcome.Result;
        if (appended.Duplicate)
        {
            // A resend (the widget heard no answer): the first attempt may have died before it signalled, or the
            // room's orchestration may have failed. Signal again (a seq the flow has passed is ignored) and resume
            // a failed flow from its transcript.
            if (room.Status == RoomStatus.Open)
            {
                await orchestrations.ResumeIfFailedAsync(roomId, FirstGeneration(room), cancellationToken);
                await orchestrations.SignalAsync(roomId, RoomSignal.Visitor(Input(appended.Message, room: null)), cancellationToken);
            }
            return await links.SignAsync(appended.Message, cancellationToken);
        }
        // Who hears the message and whether the bot answers: as the room was when the message was stored.
        room = snapshots.Remember(appended.Room) ?? room;

        var message = await links.SignAsync(appended.Message, cancellationToken);
        // The bot is woken before anyone is told: a slow realtime service must not hold up the answer.
        // A start reads this message from the transcript. The room may say the flow has not started when it has: the
        // append re-reads a room that changed since this instance last saw it (setUserId adopting it, say), and
        // then stores its own copy of the flag. A flow that is already running hears the message as a signal.
        var started = startsFlow && await orchestrations.StartAsync(FirstGeneration(room), cancellationToken);
        if (!started && room.Status == RoomStatus.Open)
            // The room as this append left it travels with the signal: the bot's answer appends with it, no read first.
            await orchestrations.SignalAsync(roomId, RoomSignal.Visitor(Input(message, appended.Room)), cancellationToken);
        await events.PublishAsync(new ChatEvent.MessageAdded(room, message), cancellationToken);
        return message;
    }

    private RoomOrchestrationInput FirstGeneration(Room room) => RoomOrchestrationInput.For(room.RoomId, options.Value, deferred: room.DeferredFlow is not null);

    private static VisitorInput Input(ChatMessage message, Room? room) => VisitorInput.Of(message, room);

    private const string RoomEndedDetail = "Open the widget again to start a new chat.";

    private static Problem RoomEnded() => AppendOutcome.RoomEnded.Refusal(RoomEndedDetail);
}
