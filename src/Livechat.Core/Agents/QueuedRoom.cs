namespace Livechat.Core.Agents;

/// <summary>
/// A room waiting in a department's queue for an agent. <paramref name="VisitorName"/> is what the page said;
/// <paramref name="UserVerified"/> tells whether the customer's server vouched for <paramref name="UserId"/>.
/// </summary>
public sealed record QueuedRoom(string RoomId, string Department, string? VisitorName, DateTimeOffset EnqueuedAt, string? UserId = null, bool UserVerified = false);
