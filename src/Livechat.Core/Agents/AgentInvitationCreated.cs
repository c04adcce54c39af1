namespace Livechat.Core.Agents;

/// <summary>A new invitation: the code (shown once, never stored), the console link carrying it, and its expiry.</summary>
public sealed record AgentInvitationCreated(string AgentId, string Name, IReadOnlyList<string> Departments, string Code, string Link, DateTimeOffset ExpiresAt);
