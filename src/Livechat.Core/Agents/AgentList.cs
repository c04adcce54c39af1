namespace Livechat.Core.Agents;

/// <summary>The dashboard's agent list, by name.</summary>
public sealed record AgentList(IReadOnlyList<AgentSummary> Agents);
