namespace Livechat.Core.Routing;

/// <summary>
/// An agent's routing state as its console shows it: its presence now (<paramref name="Chosen"/> is what it picked;
/// they differ when a quiet console turned online into away), its capacity and the chats it holds.
/// </summary>
public sealed record AgentPresenceView(string AgentId, PresenceStatus Status, PresenceStatus? Chosen, int Capacity, IReadOnlyList<string> RoomIds);
