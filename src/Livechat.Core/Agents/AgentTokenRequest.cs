namespace Livechat.Core.Agents;

/// <summary>The admin API's request for an agent token: the agent's id, display name and departments.</summary>
public sealed record AgentTokenRequest(string? AgentId, string? Name, IReadOnlyList<string?>? Departments);
