using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>Where the room went: to an agent (<see cref="AgentId"/>), or to a department's queue (or its offline form, <see cref="Offline"/>).</summary>
public sealed record AgentTransferred(string RoomId, string Department, RoomStatus Status, string? AgentId, string? NoteId, bool Offline = false);
