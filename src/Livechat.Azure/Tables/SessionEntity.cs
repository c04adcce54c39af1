using Azure;
using Azure.Data.Tables;
using Livechat.Core.Sessions;

namespace Livechat.Azure.Tables;

/// <summary>A session row: PK = session id, RK = "".</summary>
internal sealed class SessionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string VisitorId { get; set; } = "";
    public string? UserId { get; set; }
    public string? UserProofKey { get; set; }
    public string? OpenRoomId { get; set; }
    public string? Department { get; set; }
    public string? RecipeId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool Ended { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static SessionEntity From(VisitorSession s) => new()
    {
        PartitionKey = s.SessionId,
        VisitorId = s.VisitorId,
        UserId = s.UserId,
        UserProofKey = s.UserProofKey,
        OpenRoomId = s.OpenRoomId,
        Department = s.Department,
        RecipeId = s.RecipeId,
        Name = s.UserParams.Name,
        Email = s.UserParams.Email,
        Phone = s.UserParams.Phone,
        Ended = s.Ended,
        CreatedAt = s.CreatedAt,
        ETag = s.ETag is null ? default : new ETag(s.ETag),
    };

    public VisitorSession ToSession() => new()
    {
        SessionId = PartitionKey,
        VisitorId = VisitorId,
        UserId = UserId,
        UserProofKey = UserProofKey,
        OpenRoomId = OpenRoomId,
        Department = Department,
        RecipeId = RecipeId,
        UserParams = new UserParams(Name, Email, Phone),
        Ended = Ended,
        CreatedAt = CreatedAt,
        ETag = ETag.ToString(),
    };
}
