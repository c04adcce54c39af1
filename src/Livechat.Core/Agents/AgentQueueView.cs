namespace Livechat.Core.Agents;

/// <summary>A department's queue as an agent sees it.</summary>
public sealed record AgentQueueView(string Department, IReadOnlyList<QueuedRoom> Rooms);
