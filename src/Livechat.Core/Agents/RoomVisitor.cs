using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>
/// Who an agent is talking to, and how far to trust it: <see cref="UserVerified"/> when the customer's server
/// vouched for the user id, and the room's facts only the page vouches for (<see cref="PageAssertions"/>).
/// </summary>
public sealed record RoomVisitor(string VisitorId, string? UserId, bool UserVerified, string? Department, IReadOnlyList<string> PageAsserted)
{
    public static RoomVisitor Of(Room room) => new(room.VisitorId, room.UserId, room.UserVerified, room.Department, room.PageAsserted);
}

/// <summary>A transcript page as agents read it: the visitor beside the messages.</summary>
public sealed record AgentTranscript(string RoomId, RoomStatus Status, IReadOnlyList<ChatMessage> Messages, RoomVisitor Visitor)
{
    /// <summary>The room's internal notes, all of them whatever <c>afterSeq</c> was (a room keeps few).</summary>
    public IReadOnlyList<Notes.RoomNote> Notes { get; init; } = [];

    /// <summary>How far each side has seen the room: the console's unread count starts from the agent's.</summary>
    public Rooms.Receipts.ReadWatermarks Read { get; init; } = Rooms.Receipts.ReadWatermarks.None;

    /// <summary>The visitor's rating once the chat ended and they gave one.</summary>
    public Csat.CsatAnswer? Csat { get; init; }
}
