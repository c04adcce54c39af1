namespace Livechat.Core.Agents;

/// <summary>roomWaiting, to a department's agents: a room joined their queue (as <see cref="QueuedRoom"/> lists it).</summary>
public sealed record RoomWaitingEvent(string RoomId, string Department, string? VisitorName, string? UserId, bool UserVerified);
