using Livechat.Core.Rooms;

namespace Livechat.Core.Conversations;

/// <summary>
/// A room as the conversations index holds it: what the dashboard filters and orders on, and the moments the
/// overview measures. Written when a room starts and when its status, department, agent or user changes (never per
/// visitor or bot message), so it may lag the room on what changes often; readers take those from the room.
/// </summary>
public sealed record ConversationEntry
{
    public required string RoomId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required RoomStatus Status { get; init; }
    public string? Department { get; init; }
    public string? UserId { get; init; }
    public required string VisitorId { get; init; }
    public required string SessionId { get; init; }
    public string? AgentId { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? EndReason { get; init; }
    /// <summary>When the room first joined an agent queue; null: never transferred.</summary>
    public DateTimeOffset? TransferredAt { get; init; }
    /// <summary>When an agent first claimed it.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }
    /// <summary>When an agent first wrote in it.</summary>
    public DateTimeOffset? FirstAgentReplyAt { get; init; }
    /// <summary>Optimistic-concurrency tag of the stored row; null for one not yet stored.</summary>
    public string? ETag { get; init; }

    /// <summary>The entry of a room just stored for the first time.</summary>
    public static ConversationEntry Of(Room room) => new()
    {
        RoomId = room.RoomId,
        StartedAt = room.CreatedAt,
        Status = room.Status,
        Department = room.Department,
        UserId = room.UserId,
        VisitorId = room.VisitorId,
        SessionId = room.SessionId,
        AgentId = room.AgentId,
        EndedAt = room.EndedAt,
        EndReason = room.EndReason,
        TransferredAt = room.Status is RoomStatus.Waiting or RoomStatus.Agent ? room.CreatedAt : null,
    };

    /// <summary>
    /// The entry after the room was written as <paramref name="room"/> at <paramref name="now"/>; null when nothing the
    /// index holds changed (no write needed). A room's status only moves forward (open, waiting, agent, ended), so a
    /// write that arrives after a later one (two instances) never moves the entry back; the first transfer and the
    /// first claim are kept, so a room moved between queues is measured from when its visitor first waited.
    /// </summary>
    public static ConversationEntry? After(ConversationEntry? stored, Room room, DateTimeOffset now)
    {
        if (stored is null)
        {
            var missed = Of(room);
            return missed with
            {
                TransferredAt = room.Status is RoomStatus.Waiting or RoomStatus.Agent ? now : null,
                ClaimedAt = room.Status == RoomStatus.Agent ? now : null,
            };
        }
        if (Rank(room.Status) < Rank(stored.Status)) return null;
        var next = stored with
        {
            Status = room.Status,
            Department = room.Department,
            UserId = room.UserId,
            AgentId = room.AgentId,
            EndedAt = room.EndedAt,
            EndReason = room.EndReason,
            TransferredAt = stored.TransferredAt ?? (room.Status is RoomStatus.Waiting or RoomStatus.Agent ? now : null),
            ClaimedAt = stored.ClaimedAt ?? (room.Status == RoomStatus.Agent ? now : null),
        };
        return next == stored ? null : next;
    }

    /// <summary>Whether a human was ever asked for: a room that ended without is one the bot finished.</summary>
    public bool EverTransferred => TransferredAt is not null;

    private static int Rank(RoomStatus status) => status switch
    {
        RoomStatus.Open => 0,
        RoomStatus.Waiting => 1,
        RoomStatus.Agent => 2,
        _ => 3,
    };
}
