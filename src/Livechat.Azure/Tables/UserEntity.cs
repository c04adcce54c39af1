using Azure;
using Azure.Data.Tables;
using Livechat.Core.Sessions;
using Livechat.Core.Users;

namespace Livechat.Azure.Tables;

/// <summary>A user row: PK = the customer's user id (validated to be key-safe), RK = "".</summary>
internal sealed class UserEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? OpenRoomId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static UserEntity From(ChatUser u) => new()
    {
        PartitionKey = u.UserId,
        Name = u.UserParams.Name,
        Email = u.UserParams.Email,
        Phone = u.UserParams.Phone,
        OpenRoomId = u.OpenRoomId,
        CreatedAt = u.CreatedAt,
        ETag = u.ETag is null ? default : new ETag(u.ETag),
    };

    public ChatUser ToUser() => new()
    {
        UserId = PartitionKey,
        UserParams = new UserParams(Name, Email, Phone),
        OpenRoomId = OpenRoomId,
        CreatedAt = CreatedAt,
        ETag = ETag.ToString(),
    };
}
