using Livechat.Core.Agents;

namespace Livechat.Core.Routing;

/// <summary>
/// One of a department's agents and its presence, without its seats checked: enough to say who could answer and how
/// many are online, not who has room for another chat (that is a <see cref="RoutingCandidate"/>).
/// </summary>
public sealed record DepartmentAgent(AgentIdentity Identity, AgentRouting Row, PresenceStatus Presence);
