namespace Livechat.Core.Rooms;

/// <summary>One chat: started by openWidget, pinned to the recipe version it started with.</summary>
public sealed record Room
{
    public required string RoomId { get; init; }
    public required string SessionId { get; init; }
    public required string VisitorId { get; init; }
    public string? UserId { get; init; }
    /// <summary>Whether the customer's server vouched for <see cref="UserId"/> (setUserId with a proof).</summary>
    public bool UserVerified { get; init; }
    /// <summary>
    /// Which of the room's facts only the page vouches for (<see cref="PageAssertions"/>): agents, recipes and
    /// webhooks see them marked, and a server-set value (a recipe's or an operator's transfer) clears its mark.
    /// </summary>
    public IReadOnlyList<string> PageAsserted { get; init; } = [];
    /// <summary>The realtime identity that receives this room's events (see VisitorSession.RealtimeUserId).</summary>
    public required string RealtimeUserId { get; init; }
    public required string RecipeId { get; init; }
    public required int RecipeVersion { get; init; }
    public string? Department { get; init; }
    public RoomStatus Status { get; init; } = RoomStatus.Open;
    public string? EndReason { get; init; }
    public string? AgentId { get; init; }
    /// <summary>
    /// Set when the bot greeted the visitor as the room opened: its orchestration starts with the visitor's first
    /// message, so a room opened and left costs no orchestration. Null: the orchestration started with the room.
    /// </summary>
    public DeferredFlow? DeferredFlow { get; init; }
    /// <summary>Sequence number the next message gets; messages are numbered 1, 2, 3... per room.</summary>
    public long NextSeq { get; init; } = 1;
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>When the room was last written (a message, a status change), as storage saw it; null before it is stored.</summary>
    public DateTimeOffset? LastWriteAt { get; init; }
    public string? ETag { get; init; }
    /// <summary>The visitor's language as the widget sent it when the room opened (normalized BCP 47); null: the recipe's default texts.</summary>
    public string? Language { get; init; }
    /// <summary>Set when a transfer offered the offline form instead of a queue (see <see cref="Offline.OfflineRouting"/>).</summary>
    public Offline.OfflineState? Offline { get; init; }
    /// <summary>The name and e-mail the visitor left on the offline form.</summary>
    public Offline.VisitorContact? Contact { get; init; }
    /// <summary>The visitor's rating once the chat with an agent ended; asked once.</summary>
    public Csat.CsatAnswer? Csat { get; init; }

    /// <summary>Waiting in <paramref name="department"/>'s queue: a queue entry whose room a claim, a transfer or an end moved on counts for nothing.</summary>
    public bool WaitsIn(string? department) => Status == RoomStatus.Waiting && Department == department;

    /// <summary>True when the session (or a later session of the same user) may act on this room.</summary>
    public bool BelongsTo(Sessions.VisitorSession session) =>
        session.VisitorId == VisitorId || (UserId is not null && session.UserId == UserId);
}
