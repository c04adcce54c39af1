using Livechat.Core.Notes;
using Livechat.Core.Rooms;

namespace Livechat.Core.Realtime;

/// <summary>
/// What happened in a chat that connected clients hear about, as typed events. Who hears each one is decided in one
/// place, <see cref="ChatAudiences"/>; handlers publish through <see cref="ChatEventPublisher"/>.
/// </summary>
public abstract record ChatEvent
{
    /// <summary>A room was opened: the visitor's tabs show the chat.</summary>
    public sealed record Started(Room Room) : ChatEvent;

    /// <summary>A message was stored in the room's transcript (visitor, bot, agent or system), as the room was then.</summary>
    public sealed record MessageAdded(Room Room, ChatMessage Message) : ChatEvent;

    /// <summary>The room ended; <paramref name="Room"/> as it was before, so its agents are known.</summary>
    public sealed record Ended(Room Room, string Reason) : ChatEvent;

    /// <summary>An agent took the room over.</summary>
    public sealed record AgentJoined(Room Room, string AgentName) : ChatEvent;

    /// <summary>The room joined a department's queue.</summary>
    public sealed record Queued(Room Room, string Department, string? VisitorName) : ChatEvent;

    /// <summary>An agent claimed the room, so it leaves the department's queues.</summary>
    public sealed record Claimed(Room Room, string Department, string AgentId, string AgentName) : ChatEvent;

    /// <summary>The visitor or the room's agent is typing: the other side hears it; nothing is stored.</summary>
    public sealed record Typing(Room Room, Sender Sender) : ChatEvent;

    /// <summary><paramref name="Reader"/>'s side has seen the room's transcript up to <paramref name="Seq"/>: the other side hears it.</summary>
    public sealed record Read(Room Room, Sender Reader, long Seq) : ChatEvent;

    /// <summary>An agent wrote an internal note: the room's agents hear it, the visitor never does.</summary>
    public sealed record NoteAdded(Room Room, RoomNote Note) : ChatEvent;

    /// <summary>A visitor logged out: every tab of the visitor and every device of the user.</summary>
    public sealed record LoggedOut(string VisitorId, string? UserId, string? EndedRoomId) : ChatEvent;

    /// <summary>setUserId linked the visitor to a user (<paramref name="RoomId"/>: the open room that went with it). No client hears it; webhooks do.</summary>
    public sealed record UserIdentified(string VisitorId, string UserId, bool Verified, string? RoomId) : ChatEvent;

    /// <summary>A waiting room's place in its department's queue changed (or was just worked out): only its visitor hears it.</summary>
    public sealed record QueuePositionChanged(Room Room, int Position, int EstimatedWaitSeconds) : ChatEvent;
}
