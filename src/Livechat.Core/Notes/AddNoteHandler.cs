using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Notes;

/// <summary>
/// An agent of the room's department writes an internal note: stored beside the transcript (never in it, so the
/// visitor's reads and the room's orchestration never meet one) and told to the room's agents only.
/// </summary>
public sealed class AddNoteHandler(IRoomStore rooms, INoteStore notes, ChatEventPublisher events, IOptions<RoomOptions> options, TimeProvider time)
{
    /// <summary>Notes a room keeps at most: a note beyond it is refused, and reads show this many.</summary>
    public const int MaxNotesPerRoom = 500;

    public async Task<Outcome<RoomNote>> HandleAsync(AgentIdentity agent, string roomId, NoteRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(request.ClientNoteId, 64))
            return Problem.Invalid("clientNoteId", "Required: 1 to 64 letters, digits, '-', '_' or '.'.");
        if (string.IsNullOrWhiteSpace(request.Text)) return Problem.Invalid("text", "Required: a non-empty text.");
        if (request.Text.Length > options.Value.MaxMessageLength)
            return Problem.Invalid("text", $"At most {options.Value.MaxMessageLength} characters.");

        var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
        if (!loaded.IsSuccess) return loaded.Problem!;
        var room = loaded.Value!;
        if ((await notes.ListAsync(roomId, MaxNotesPerRoom, cancellationToken)).Count >= MaxNotesPerRoom)
            return Problem.Conflict($"The room has {MaxNotesPerRoom} notes, the most it keeps.");

        var (note, _) = await notes.AddAsync(new RoomNote(Ids.New("n"), roomId, room.NextSeq - 1, agent.AgentId, agent.Name, request.Text.Trim(),
            request.ClientNoteId!, time.GetUtcNow()), cancellationToken);
        // Sent on a retry too: the first attempt may have died before sending; consoles drop ids they show.
        await events.PublishAsync(new ChatEvent.NoteAdded(room, note), cancellationToken);
        return note;
    }
}
