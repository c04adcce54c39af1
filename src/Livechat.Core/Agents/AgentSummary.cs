namespace Livechat.Core.Agents;

/// <summary>One agent as the dashboard lists it.</summary>
/// <param name="Invited">True while the agent has an unused invitation and no token yet.</param>
public sealed record AgentSummary(string AgentId, string Name, IReadOnlyList<string> Departments, bool Online, DateTimeOffset? LastSeenAt, int ChatsHeld,
    bool Invited);
