using System.Text.RegularExpressions;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Offline;

/// <summary>
/// The visitor's offline form, stored as their room: the message goes into the transcript, the name and e-mail become
/// the room's <see cref="Room.Contact"/>, and the room ends marked <see cref="OfflineState.Left"/>. So the room's
/// export and erasure carry it, and the agents' list is the conversations index filtered on the mark.
/// </summary>
public sealed partial class OfflineMessageHandler(IRoomStore rooms, RoomCloser closer, ChatEventPublisher events, IOptions<RoomOptions> options, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    public async Task<Outcome<OfflineMessageLeft>> HandleAsync(VisitorSession session, string roomId, OfflineMessageRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
            return Problem.Invalid("name", $"Required: 1 to {MaxNameLength} characters, no control characters.");
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > MaxEmailLength || !EmailShape().IsMatch(email))
            return Problem.Invalid("email", "Required: an e-mail address such as name@example.com.");
        var text = request.Message?.Trim();
        if (string.IsNullOrEmpty(text)) return Problem.Invalid("message", "Required: a non-empty text.");
        if (text.Length > options.Value.MaxMessageLength) return Problem.Invalid("message", $"At most {options.Value.MaxMessageLength} characters.");

        var room = Ids.IsSafe(roomId) ? await rooms.GetAsync(roomId, cancellationToken) : null;
        if (room is null || !room.BelongsTo(session)) return Problem.NotFound("Room", "roomId");
        if (room.Offline == OfflineState.Left) return Problem.Conflict("A message was already left in this room.");
        if (room.Offline != OfflineState.Offered || room.Status == RoomStatus.Ended) return Problem.Conflict("The room was not offered the offline form.");

        var outcome = await rooms.AppendAsync(room, new NewMessage(Sender.Visitor, text, $"offline-{roomId}"), time.GetUtcNow(), cancellationToken);
        if (outcome.Status != AppendStatus.Appended) return outcome.Refusal();
        var message = outcome.Result.Message;
        var contact = new VisitorContact(name, email);
        var left = await OptimisticConcurrency.RunAsync<Room>("room", async attempt =>
        {
            var current = attempt == 0 && outcome.Result.Room is { } appended ? appended : await rooms.GetAsync(roomId, cancellationToken);
            if (current is null) return Problem.NotFound("Room", "roomId");
            if (current.Offline == OfflineState.Left) return current;
            if (await rooms.TryReplaceAsync(current with { Offline = OfflineState.Left, Contact = contact }, cancellationToken) is { } saved) return saved;
            return null;
        });
        if (!left.IsSuccess) return left.Problem!;

        await events.PublishAsync(new ChatEvent.MessageAdded(left.Value!, message), cancellationToken);
        // Ended before the agents hear of it: their list shows ended rooms marked left, and reads it on the event.
        var ended = await closer.CloseAsync(roomId, EndReasons.Offline, cancellationToken) ?? left.Value!;
        await events.PublishAsync(new ChatEvent.OfflineMessageLeft(ended, contact, message), cancellationToken);
        return new OfflineMessageLeft(roomId, room.Department!, OfflineState.Left);
    }

    // The shape only (something@domain.tld): whether it reaches anyone is the agent's to find out.
    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex EmailShape();
}
