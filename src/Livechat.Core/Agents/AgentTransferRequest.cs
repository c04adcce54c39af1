namespace Livechat.Core.Agents;

/// <summary>
/// An agent hands their room on: to <see cref="AgentId"/> (in <see cref="Department"/> when given, else the room's), or
/// to <see cref="Department"/>'s queue; <see cref="Note"/> goes to the agents as an internal note, never to the visitor.
/// </summary>
public sealed record AgentTransferRequest(string? Department, string? AgentId, string? Note);
