namespace Livechat.Core.Agents;

/// <summary>roomClaimed, to a department's agents: an agent took the room, so it leaves their queues.</summary>
public sealed record RoomClaimedEvent(string RoomId, string Department, string AgentId, string AgentName);
