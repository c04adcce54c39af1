namespace Livechat.Core.Agents;

/// <summary>An issued agent token as stored (never the token itself): while its record exists, the token works.</summary>
public sealed record AgentTokenRecord(string AgentId, string TokenId, string Name, IReadOnlyList<string> Departments, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
