namespace Livechat.Core.Agents;

/// <summary>A new agent token and when it stops working.</summary>
public sealed record AgentTokenIssued(string Token, DateTimeOffset ExpiresAt);
