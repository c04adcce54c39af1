using Azure;
using Azure.Data.Tables;
using Livechat.Core.Rooms;

namespace Livechat.Azure.Tables;

/// <summary>A room row: PK = room id, RK = "room". Its ETag serialises transcript appends.</summary>
internal sealed class RoomEntity : ITableEntity
{
    public const string Key = "room";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Key;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SessionId { get; set; } = "";
    public string VisitorId { get; set; } = "";
    public string? UserId { get; set; }
    public bool UserVerified { get; set; }
    /// <summary><see cref="Room.PageAsserted"/>, comma-separated.</summary>
    public string? PageAsserted { get; set; }
    public string RealtimeUserId { get; set; } = "";
    public string RecipeId { get; set; } = "";
    public int RecipeVersion { get; set; }
    public string? Department { get; set; }
    public string Status { get; set; } = nameof(RoomStatus.Open);
    public string? EndReason { get; set; }
    public string? AgentId { get; set; }
    public bool FlowDeferred { get; set; }
    public bool DeferredFlowStarted { get; set; }
    public string? DeferredWaitingBlockId { get; set; }
    public long NextSeq { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? Language { get; set; }

    public static RoomEntity From(Room r) => new()
    {
        PartitionKey = r.RoomId,
        SessionId = r.SessionId,
        VisitorId = r.VisitorId,
        UserId = r.UserId,
        UserVerified = r.UserVerified,
        PageAsserted = r.PageAsserted.Count == 0 ? null : string.Join(',', r.PageAsserted),
        RealtimeUserId = r.RealtimeUserId,
        RecipeId = r.RecipeId,
        RecipeVersion = r.RecipeVersion,
        Department = r.Department,
        Status = r.Status.ToString(),
        EndReason = r.EndReason,
        AgentId = r.AgentId,
        FlowDeferred = r.DeferredFlow is not null,
        DeferredWaitingBlockId = r.DeferredFlow?.WaitingBlockId,
        DeferredFlowStarted = r.DeferredFlow?.Started ?? false,
        NextSeq = r.NextSeq,
        CreatedAt = r.CreatedAt,
        EndedAt = r.EndedAt,
        ETag = r.ETag is null ? default : new ETag(r.ETag),
        Language = r.Language,
    };

    public Room ToRoom() => new()
    {
        RoomId = PartitionKey,
        SessionId = SessionId,
        VisitorId = VisitorId,
        UserId = UserId,
        UserVerified = UserVerified,
        PageAsserted = PageAsserted?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
        RealtimeUserId = RealtimeUserId,
        RecipeId = RecipeId,
        RecipeVersion = RecipeVersion,
        Department = Department,
        Status = Enum.Parse<RoomStatus>(Status),
        EndReason = EndReason,
        AgentId = AgentId,
        DeferredFlow = FlowDeferred ? new DeferredFlow(DeferredWaitingBlockId, DeferredFlowStarted) : null,
        NextSeq = NextSeq,
        CreatedAt = CreatedAt,
        EndedAt = EndedAt,
        LastWriteAt = Timestamp,
        ETag = ETag.ToString(),
        Language = Language,
    };
}
