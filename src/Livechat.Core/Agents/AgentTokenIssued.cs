namespace Livechat.Core.Agents;

/// <summary>A new agent token, the id that revokes it, and when it stops working.</summary>
public sealed record AgentTokenIssued(string Token, string TokenId, DateTimeOffset ExpiresAt);
