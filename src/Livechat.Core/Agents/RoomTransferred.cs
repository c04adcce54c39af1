using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>A room handed to a department: it waits in that department's queue.</summary>
public sealed record RoomTransferred(string RoomId, string Department, RoomStatus Status)
{
    /// <summary>True when nobody could answer and the visitor was offered the offline form instead of the queue.</summary>
    public bool Offline { get; init; }
}
