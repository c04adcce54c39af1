namespace Livechat.Core.Agents;

/// <summary>agentJoined, to the visitor and the room's agents: an agent now answers in the room.</summary>
public sealed record AgentJoinedEvent(string RoomId, string AgentName);
