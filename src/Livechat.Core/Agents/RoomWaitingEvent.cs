namespace Livechat.Core.Agents;

/// <summary>roomWaiting, to a department's agents: a room joined their queue.</summary>
public sealed record RoomWaitingEvent(string RoomId, string Department, string? VisitorName);
