using Livechat.Core.Realtime;

namespace Livechat.Core.Agents;

/// <summary>A human agent, as its token names it: who, shown as what, serving which departments.</summary>
public sealed record AgentIdentity(string AgentId, string Name, IReadOnlyList<string> Departments, DateTimeOffset ExpiresAt)
{
    /// <summary>The id of the token the agent called with: revoking it ends the agent's access through that token.</summary>
    public string TokenId { get; init; } = "";

    /// <summary>The realtime identity of every console tab of this agent.</summary>
    public string RealtimeUserId => RealtimeUsers.ForAgent(AgentId);

    /// <summary>True when the agent may see and take rooms of <paramref name="department"/>.</summary>
    public bool Serves(string? department) => department is not null && Departments.Contains(department, StringComparer.Ordinal);
}
