namespace Livechat.Core.Agents;

/// <summary>One agent as the dashboard lists it.</summary>
/// <param name="Invited">True while the agent has an unused invitation and no token yet.</param>
/// <param name="Presence">Online, away or offline now (see the README's presence); null where routing is not set up.</param>
/// <param name="Capacity">Most chats at once auto-assignment gives the agent.</param>
public sealed record AgentSummary(string AgentId, string Name, IReadOnlyList<string> Departments, bool Online, DateTimeOffset? LastSeenAt, int ChatsHeld,
    bool Invited, Routing.PresenceStatus? Presence = null, int? Capacity = null);
