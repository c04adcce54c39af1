namespace Livechat.Core.Agents;

/// <summary>What the dashboard shows of an agent's activity: when its console was last heard from, and the rooms it claimed.</summary>
/// <param name="HeldRoomIds">An index only, written when the agent claims a room: the room's own status is the truth.</param>
public sealed record AgentActivity(string AgentId, DateTimeOffset? LastSeenAt, IReadOnlyList<string> HeldRoomIds);
