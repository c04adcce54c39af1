namespace Livechat.Core.Notes;

/// <summary>
/// An agent's internal note in a room: shown to the room's agents and in the dashboard, never to the visitor. Not a
/// <see cref="Rooms.ChatMessage"/> on purpose: a note has no transcript sequence number of its own (it sits after
/// message <paramref name="AfterSeq"/>), and no path that carries messages to the visitor can take one.
/// </summary>
public sealed record RoomNote(string Id, string RoomId, long AfterSeq, string AgentId, string AgentName, string Text, string ClientNoteId, DateTimeOffset SentAt);
