using Livechat.Core.Agents;

namespace Livechat.Core.Routing;

/// <summary>
/// An agent who could get a department's chat: who it is (from its tokens in force), its routing row, its presence
/// now, and the seats it holds (rooms checked against the room store; empty when not checked).
/// </summary>
public sealed record RoutingCandidate(AgentIdentity Identity, AgentRouting Row, PresenceStatus Presence, int Capacity, IReadOnlyList<string> Seats)
{
    public string AgentId => Identity.AgentId;

    public int Free => Math.Max(0, Capacity - Seats.Count);
}
