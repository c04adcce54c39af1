using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Livechat.Core.Conversations;
using Livechat.Core.Rooms;

namespace Livechat.Azure.Tables;

/// <summary>
/// A conversations index row. PK = "d" + (99999999 - yyyyMMdd) of the room's UTC start day, RK = (milliseconds
/// from the start to the end of time, 15 digits) + "_" + room id. Both keys shrink as time goes on, so the table's own
/// ascending order is newest first, across days as within one: a listing is one range query from wherever it
/// stopped, and a day is one partition. Milliseconds, so a start read back from any store names the same row.
/// </summary>
internal sealed class ConversationEntity : ITableEntity
{
    private static readonly long EndOfTime = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string RoomId { get; set; } = "";
    public string Status { get; set; } = nameof(RoomStatus.Open);
    public string? Department { get; set; }
    public string? UserId { get; set; }
    public string VisitorId { get; set; } = "";
    public string SessionId { get; set; } = "";
    public string? AgentId { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndReason { get; set; }
    public DateTimeOffset? TransferredAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? FirstAgentReplyAt { get; set; }

    public static string PartitionFor(DateTimeOffset startedAt) =>
        "d" + (99_999_999 - int.Parse(startedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            .ToString("D8", CultureInfo.InvariantCulture);

    public static string RowFor(DateTimeOffset startedAt, string roomId) => $"{Inverted(startedAt)}_{roomId}";

    /// <summary>A bound between every row started at <paramref name="at"/>'s millisecond and those before it ('~' sorts after '_' and any id).</summary>
    public static string RowBoundAt(DateTimeOffset at) => $"{Inverted(at)}~";

    private static string Inverted(DateTimeOffset at) => (EndOfTime - at.ToUnixTimeMilliseconds()).ToString("D15", CultureInfo.InvariantCulture);

    public static ConversationEntity From(ConversationEntry e) => new()
    {
        PartitionKey = PartitionFor(e.StartedAt),
        RowKey = RowFor(e.StartedAt, e.RoomId),
        RoomId = e.RoomId,
        Status = e.Status.ToString(),
        Department = e.Department,
        UserId = e.UserId,
        VisitorId = e.VisitorId,
        SessionId = e.SessionId,
        AgentId = e.AgentId,
        EndedAt = e.EndedAt,
        EndReason = e.EndReason,
        TransferredAt = e.TransferredAt,
        ClaimedAt = e.ClaimedAt,
        FirstAgentReplyAt = e.FirstAgentReplyAt,
        ETag = e.ETag is null ? default : new ETag(e.ETag),
    };

    public ConversationEntry ToEntry() => new()
    {
        RoomId = RoomId,
        // From the key, so the entry names its own row and its position exactly.
        StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(EndOfTime - long.Parse(RowKey.AsSpan(0, 15), NumberStyles.None, CultureInfo.InvariantCulture)),
        Status = Enum.Parse<RoomStatus>(Status),
        Department = Department,
        UserId = UserId,
        VisitorId = VisitorId,
        SessionId = SessionId,
        AgentId = AgentId,
        EndedAt = EndedAt,
        EndReason = EndReason,
        TransferredAt = TransferredAt,
        ClaimedAt = ClaimedAt,
        FirstAgentReplyAt = FirstAgentReplyAt,
        ETag = ETag.ToString(),
    };
}
