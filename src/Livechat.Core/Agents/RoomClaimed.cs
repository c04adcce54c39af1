using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>The room an agent claimed.</summary>
public sealed record RoomClaimed(string RoomId, string Department, RoomStatus Status, string AgentId);
