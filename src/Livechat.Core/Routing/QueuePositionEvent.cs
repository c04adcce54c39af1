namespace Livechat.Core.Routing;

/// <summary>queuePosition, to a waiting room's visitor: their place in the department's queue (1 = next) and a rough wait.</summary>
public sealed record QueuePositionEvent(string RoomId, int Position, int EstimatedWaitSeconds);
