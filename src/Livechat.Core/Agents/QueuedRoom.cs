namespace Livechat.Core.Agents;

/// <summary>A room waiting in a department's queue for an agent.</summary>
public sealed record QueuedRoom(string RoomId, string Department, string? VisitorName, DateTimeOffset EnqueuedAt);
